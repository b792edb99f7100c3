// autocannon wrapper: one load run against a list of requests, summarized
// into throughput, latency percentiles and status counts.
import autocannon from 'autocannon';

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
