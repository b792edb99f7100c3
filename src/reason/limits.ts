// The safety budget of reasoning, shared by materialize and the forward
// chainer (a separate module so that neither imports the other for it).

export interface ReasoningLimits {
  /** Fails the load when reasoning would derive more triples than this. */
  maxDerivations: number;
}

// 10 M: the 1,000× benchmark graph needs ~4.3 M; the chainer holds ~60 bytes per triple at its peak (~600 MB at the limit).
export const DEFAULT_LIMITS: ReasoningLimits = { maxDerivations: 10_000_000 };

export class ReasoningLimitError extends Error {
  override name = 'ReasoningLimitError';
}

export function derivationLimitError(limits: ReasoningLimits): ReasoningLimitError {
  return new ReasoningLimitError(
    `Reasoning stopped: it exceeded the maximum of ${limits.maxDerivations} derivations (limit maxDerivations=${limits.maxDerivations}).`,
  );
}
