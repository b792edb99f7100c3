// The safety budget of reasoning, shared by materialize and the forward
// chainer (a separate module so that neither imports the other for it).

export interface ReasoningLimits {
  /** Fails the load when reasoning would derive more triples than this. */
  maxDerivations: number;
}

export const DEFAULT_LIMITS: ReasoningLimits = { maxDerivations: 2_000_000 };

export class ReasoningLimitError extends Error {
  override name = 'ReasoningLimitError';
}

export function derivationLimitError(limits: ReasoningLimits): ReasoningLimitError {
  return new ReasoningLimitError(
    `Reasoning stopped: it exceeded the maximum of ${limits.maxDerivations} derivations (limit maxDerivations=${limits.maxDerivations}).`,
  );
}
