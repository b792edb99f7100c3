// Child processes for the benchmarks: free loopback ports, spawning servers,
// waiting for a correct answer, reading a process's RSS, stopping what was
// started (by pid, never by name).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export const ROOT = PROJECT_ROOT;
export const BIN = join(PROJECT_ROOT, 'node_modules', '.bin');
/** The compiled server, as `npm start` runs it (`npm run bench` and `npm run soak` build it first). */
export const SERVER_ENTRY = join(PROJECT_ROOT, 'dist', 'cli.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  port: number;
  url: string;
  /** Output kept for diagnostics (last 20 kB). */
  output(): string;
  stop(): Promise<void>;
}

export async function startProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; port: number; quiet?: boolean }): Promise<Started> {
  // quiet: the server's stdout (its request log) goes to /dev/null, as to a log file, instead of
  // through a pipe that this process (which also runs the load generator) would have to drain.
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.quiet ? 'ignore' : 'pipe', 'pipe'],
    detached: false,
  });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true; resolves with the elapsed ms since `since`. */
export async function until(check: () => Promise<boolean>, since: number, timeoutMs: number, child?: ChildProcess): Promise<number> {
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error('the process exited before answering');
    try {
      if (await check()) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`no correct answer within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** Resident set size of a process and all its descendants' threads (Linux /proc), in bytes. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Sum of RSS over a process tree (npx/tsx wrappers spawn the real server as a child). */
export function treeRss(pid: number): number {
  let total = rssOf(pid);
  for (const child of childrenOf(pid)) total += treeRss(child);
  return total;
}

function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

export async function postSparql(url: string, query: string, accept = 'application/sparql-results+json', signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept },
    body: query,
    ...(signal ? { signal } : {}),
  });
}
