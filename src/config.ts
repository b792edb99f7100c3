// Run-time configuration: defaults for the embedded publication, overridable
// by environment variables and command-line options.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { KnowledgeGraphOptions } from './knowledgeGraph.js';
import { DEFAULT_LIMITS } from './reason/materialize.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface AppConfig extends KnowledgeGraphOptions {
  host: string;
  port: number;
}

export function defaultConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    ontologyDir: env.IOT_ONTOLOGY_DIR ?? join(PROJECT_ROOT, 'ontology'),
    dataDir: env.IOT_DATA_DIR ?? join(PROJECT_ROOT, 'data'),
    userData: env.IOT_EXTRA_DATA ? env.IOT_EXTRA_DATA.split(':').filter(Boolean) : [],
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '8080'),
    limits: { maxDerivations: Number(env.IOT_MAX_DERIVATIONS ?? DEFAULT_LIMITS.maxDerivations) },
  };
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${text}`);
  return port;
}
