// Run-time configuration: defaults for the embedded publication, overridable
// by environment variables and command-line options.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { KnowledgeGraphOptions } from './knowledgeGraph.js';
import { DEFAULT_LIMITS } from './reason/materialize.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query/queryService.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface AppConfig extends KnowledgeGraphOptions {
  host: string;
  port: number;
  queriesDir: string;
  query: QueryLimits;
  /** Public base URL for links (default http://host:port). */
  publicUrl: string | null;
  logLevel: string;
}

export function defaultConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    ontologyDir: env.IOT_ONTOLOGY_DIR ?? join(PROJECT_ROOT, 'ontology'),
    dataDir: env.IOT_DATA_DIR ?? join(PROJECT_ROOT, 'data'),
    userData: env.IOT_EXTRA_DATA ? env.IOT_EXTRA_DATA.split(':').filter(Boolean) : [],
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '8080'),
    limits: { maxDerivations: positiveInteger(env.IOT_MAX_DERIVATIONS, DEFAULT_LIMITS.maxDerivations, 'IOT_MAX_DERIVATIONS') },
    queriesDir: env.IOT_QUERIES_DIR ?? join(PROJECT_ROOT, 'queries'),
    query: {
      timeoutMs: positiveInteger(env.QUERY_TIMEOUT_MS, DEFAULT_QUERY_LIMITS.timeoutMs, 'QUERY_TIMEOUT_MS'),
      maxRows: positiveInteger(env.QUERY_MAX_ROWS, DEFAULT_QUERY_LIMITS.maxRows, 'QUERY_MAX_ROWS'),
      maxQueryLength: positiveInteger(env.QUERY_MAX_LENGTH, DEFAULT_QUERY_LIMITS.maxQueryLength, 'QUERY_MAX_LENGTH'),
      workers: positiveInteger(env.QUERY_WORKERS, DEFAULT_QUERY_LIMITS.workers, 'QUERY_WORKERS'),
      maxQueue: positiveInteger(env.QUERY_MAX_QUEUE, DEFAULT_QUERY_LIMITS.maxQueue, 'QUERY_MAX_QUEUE'),
    },
    publicUrl: env.PUBLIC_URL ?? null,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

export function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(text)}`);
  return value;
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${text}`);
  return port;
}
