// autocannon wrapper: one load run against a list of requests, summarized
// into throughput, latency percentiles and status counts.
import autocannon from 'autocannon';
import { median } from './stats.js';

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  label: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function load(
  label: string,
  url: string,
  requests: LoadRequest[],
  options: { connections: number; durationS: number; timeoutS?: number; uniqueBodies?: boolean },
): Promise<LoadResult> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    timeout: options.timeoutS ?? 30,
    requests: requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      headers: r.headers ?? {},
      ...(r.body !== undefined ? { body: r.body } : {}),
      // A unique comment defeats result caches: every request is evaluated.
      ...(options.uniqueBodies && r.body !== undefined
        ? { setupRequest: (req: { body?: string }) => ({ ...req, body: `${r.body}\n# ${++counter}\n` }) }
        : {}),
    })),
  });
  const statusCounts: Record<string, number> = {};
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number | string }> }).statusCodeStats ?? {};
  for (const [code, { count }] of Object.entries(stats)) statusCounts[code] = Number(count);
  return {
    label,
    connections: options.connections,
    durationS: options.durationS,
    requests: result.requests.total,
    rps: result.requests.total / options.durationS,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * One result from several rounds of the same load (interleaved with the
 * loads it is compared with, so that background load hits both alike):
 * counts add up; latency percentiles are the median over the rounds.
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  const first = rounds[0];
  if (!first) throw new Error('no rounds to combine');
  const durationS = rounds.reduce((sum, r) => sum + r.durationS, 0);
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const statusCounts: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n;
  return {
    label: first.label,
    connections: first.connections,
    durationS,
    requests,
    rps: requests / durationS,
    latencyP50Ms: median(rounds.map((r) => r.latencyP50Ms)),
    latencyP99Ms: median(rounds.map((r) => r.latencyP99Ms)),
    latencyMaxMs: Math.max(...rounds.map((r) => r.latencyMaxMs)),
    statusCounts,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    timeouts: rounds.reduce((sum, r) => sum + r.timeouts, 0),
  };
}
