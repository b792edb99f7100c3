// Shared checks of the fuzz tests: every answer is 2xx/3xx/4xx or the
// documented 503 (overload, with Retry-After) / 504 (timeout); never another
// 5xx, never a stack trace, never past a per-request deadline.
import type { FastifyInstance, InjectOptions } from 'fastify';

/** A stack frame or a path into the code. */
export const STACK = /\n\s+at\s|\bat\s+\S+\s+\(|node_modules|\/src\/\S+\.[tj]s\b|\.ts:\d+|\.js:\d+/;

export interface Outcome {
  index: number;
  label: string;
  status: number;
  ms: number;
}

export interface Failure {
  index: number;
  label: string;
  problem: string;
}

async function check(
  app: FastifyInstance,
  index: number,
  label: string,
  options: InjectOptions,
  deadlineMs: number,
): Promise<{ outcome?: Outcome; failure?: Failure }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  let res;
  try {
    res = await Promise.race([app.inject(options), deadline]);
  } catch (error) {
    // light-my-request refuses some requests before they reach the server (e.g. invalid header characters).
    if (error instanceof TypeError || (error as { code?: string }).code === 'ERR_INVALID_CHAR') return {};
    return { failure: { index, label, problem: `inject threw ${String(error).slice(0, 200)}` } };
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  if (res === 'deadline') return { failure: { index, label, problem: `no answer within ${deadlineMs} ms` } };
  const status = res.statusCode;
  const problems: string[] = [];
  if (status >= 500 && status !== 503 && status !== 504) problems.push(`status ${status}`);
  if (status === 503 && res.headers['retry-after'] === undefined) problems.push('503 without Retry-After');
  if (status < 200) problems.push(`status ${status}`);
  const body = res.body;
  if (status >= 400 ? STACK.test(body) : /\n\s+at\s+\S+\s+\(/.test(body)) problems.push('stack trace in the body');
  if (problems.length > 0) return { failure: { index, label, problem: `${problems.join(', ')}: ${body.slice(0, 300)}` } };
  return { outcome: { index, label, status, ms } };
}

/** Sends every case (at most `concurrency` in flight) and checks each answer: what was answered, and what failed. */
export async function checkAll(
  app: FastifyInstance,
  cases: ReadonlyArray<{ label: string; options: InjectOptions }>,
  deadlineMs: number,
  concurrency = 4,
): Promise<{ outcomes: Outcome[]; failures: Failure[] }> {
  const outcomes: Outcome[] = [];
  const failures: Failure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const index = next++;
        const { label, options } = cases[index]!;
        const { outcome, failure } = await check(app, index, label, options, deadlineMs);
        if (failure) failures.push(failure);
        if (outcome) outcomes.push(outcome);
      }
    }),
  );
  return { outcomes, failures };
}

/** Percent-encodes any string; a lone surrogate becomes the (invalid) UTF-8 bytes of a surrogate. */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\s\S]/gu, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return '%ED%A0%80';
      }
    });
  }
}

