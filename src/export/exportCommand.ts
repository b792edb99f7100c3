// `iot-setup export <dir> [--force]`: load and reason as `serve` does, build
// the app (without listening) and write the static export into <dir>.
// HTML links and Link headers point at PUBLIC_URL, by default the base
// https://w3id.org/iot-setup (the export is meant to be hosted behind the
// w3id.org redirect).
import { resolve } from 'node:path';
import type { AppConfig } from '../config.js';
import { buildKnowledgeGraph } from '../knowledgeGraph.js';
import { BASE } from '../namespaces.js';
import { QueryService } from '../query/queryService.js';
import { loadStoredQueries } from '../query/storedQueries.js';
import { SparqlEngine } from '../query/sparqlEngine.js';
import { buildApp, type AppDependencies } from '../serve/app.js';
import { ExportRefused, exportStatic, formatSummary, isNonEmptyDirectory } from './staticExport.js';

export async function exportCommand(config: AppConfig, args: readonly string[], force: boolean): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write('export needs exactly one <dir>\n');
    return 2;
  }
  const outDir = resolve(args[0]!);
  // Refuse before the (slow) load, and again inside exportStatic.
  if (!force && isNonEmptyDirectory(outDir)) {
    process.stderr.write(`Refusing to export into ${outDir}: the directory is not empty (use --force to write into it anyway).\n`);
    return 1;
  }
  const kg = await buildKnowledgeGraph(config);
  const queries = await QueryService.start(kg.store, { ...config.query, workers: 1 });
  try {
    const deps: AppDependencies = {
      kg,
      queries,
      storedQueries: loadStoredQueries(config.queriesDir),
      sparql: new SparqlEngine(kg.store),
      publicUrl: (config.publicUrl ?? BASE).replace(/\/+$/, ''),
    };
    const app = await buildApp(deps);
    try {
      const summary = await exportStatic(app, deps, { outDir, force });
      process.stdout.write(formatSummary(summary));
      return 0;
    } catch (error) {
      if (error instanceof ExportRefused) {
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await app.close();
    }
  } finally {
    await queries.close();
  }
}
