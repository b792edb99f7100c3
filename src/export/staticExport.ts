// Static export: the whole publication as files, for hosting without this
// server (behind the w3id.org redirect). Every file is the exact bytes the
// app sends for the same request (taken with app.inject), so the export
// cannot drift from the server:
//
//   <path>.ttl .jsonld .nt .rdf .trig .nq .html   every document (resource,
//                                                 ontology and its versions,
//                                                 /void, named graphs)
//   <dir>/index.<ext>, index.<ext>                documents whose IRI ends in /
//                                                 (category/, the base itself)
//   dumps/iot-setup-<version>.<ext>, context.jsonld
//   site pages and assets                         found by following the links of
//                                                 the exported HTML (/compare/…, /assets/…)
//   .htaccess, nginx.conf                         the content negotiation
//
// Not exportable (they need the server): /sparql and the query page /query,
// /search, the stored-query API /queries. Links with a query string are
// exported without it.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../serve/app.js';
import { extensionPathOf, fileStemOf, LEGACY_MEDIA_TYPES, publicationFor, RESOURCE_FORMATS } from '../serve/routes/resources.js';
import { dumpFileName } from '../describe/datasetDescription.js';
import { htaccess, nginxConfig } from './serverConfig.js';

export interface StaticExportOptions {
  /** Target directory; created when missing. */
  outDir: string;
  /** Write into a non-empty directory (files are overwritten, nothing is deleted). */
  force?: boolean;
  /** Simultaneous requests (default 8). */
  concurrency?: number;
}

export interface ExportSummary {
  outDir: string;
  files: number;
  bytes: number;
  /** Files written per type (file extension, or the file name for dot files). */
  byType: Record<string, number>;
  /** Published documents exported (each in every format it offers). */
  documents: number;
  /** Pages and assets found by following links. */
  crawled: string[];
  /** What was not exported, and why. */
  notes: string[];
}

export class ExportRefused extends Error {
  override name = 'ExportRefused';
}

/** Paths that only the running server can answer, or that the server configuration maps (latest dumps, /.well-known/void). */
const DYNAMIC = [/^\/sparql(?:\/|$)/, /^\/query(?:\/|$)/, /^\/search(?:\/|$)/, /^\/queries(?:\/|$)/, /^\/openapi\.json$/, /^\/health$/, /^\/dumps\/latest\./, /^\/\.well-known\/void$/];

const NOT_EXPORTABLE_NOTE =
  'Not exported (they need the server): /sparql and the query page /query (SPARQL endpoint), /search (queries the graph per request), /queries/* (stored-query API), /health. The VoID names the SPARQL endpoint of the public URL.';

/** Whether `dir` exists and holds anything. */
export function isNonEmptyDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

export async function exportStatic(app: FastifyInstance, deps: AppDependencies, options: StaticExportOptions): Promise<ExportSummary> {
  const outDir = resolve(options.outDir);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new ExportRefused(`Refusing to export into ${outDir}: it is not a directory.`);
  if (!options.force && isNonEmptyDirectory(outDir)) {
    throw new ExportRefused(`Refusing to export into ${outDir}: the directory is not empty (use --force to write into it anyway).`);
  }
  mkdirSync(outDir, { recursive: true });
  await app.ready();

  const publication = publicationFor(deps);
  const publicUrl = new URL(`${publication.publicUrl}/`);
  const summary: ExportSummary = { outDir, files: 0, bytes: 0, byType: {}, documents: 0, crawled: [], notes: [NOT_EXPORTABLE_NOTE] };
  const handled = new Set<string>();
  const htmlPages: Array<{ path: string; html: string }> = [];
  const otherTypes: Record<string, string> = {};

  const written = new Map<string, string>();
  /** Writes the response to `url` at the file `urlPath`; false when another URL already has that file. */
  const write = (urlPath: string, body: Buffer, url = urlPath): boolean => {
    const relative = decodePath(urlPath).replace(/^\/+/, '');
    const target = resolve(outDir, relative);
    if (target !== outDir && !target.startsWith(outDir + sep)) throw new Error(`Refusing to write outside ${outDir}: ${urlPath}`);
    const owner = written.get(target);
    if (owner !== undefined) {
      if (owner !== url) summary.notes.push(`${url} is not exported: its file ${relative} already holds ${owner}.`);
      return false;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    written.set(target, url);
    summary.files++;
    summary.bytes += body.length;
    const type = typeOfFile(relative);
    summary.byType[type] = (summary.byType[type] ?? 0) + 1;
    return true;
  };

  const fetch = async (url: string, accept?: string): Promise<{ status: number; body: Buffer; contentType: string }> => {
    const response = await app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
    return { status: response.statusCode, body: response.rawPayload, contentType: String(response.headers['content-type'] ?? '') };
  };

  const requests: Array<() => Promise<void>> = [];

  // Every document in every format it offers, by its extension URL.
  const documents = publication.documents();
  summary.documents = documents.length;
  for (const document of documents) {
    handled.add(document.path);
    for (const format of document.formats) {
      const url = extensionPathOf(document.path, format);
      handled.add(url);
      requests.push(async () => {
        const response = await fetch(url);
        if (response.status === 406 && format.kind === 'html') {
          summary.notes.push(`${document.path} has no HTML page (the site gave none).`);
          return;
        }
        if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
        write(url, response.body);
        if (format.kind === 'html') htmlPages.push({ path: document.path, html: response.body.toString('utf8') });
      });
    }
  }
  // Dumps and the JSON-LD context.
  for (const format of publication.dumpFormats) {
    const url = `/dumps/${dumpFileName(publication.version, format)}`;
    handled.add(url);
    requests.push(async () => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      write(url, response.body);
    });
  }
  handled.add('/context.jsonld');
  requests.push(async () => {
    const response = await fetch('/context.jsonld');
    if (response.status === 200) write('/context.jsonld', response.body);
  });
  await runAll(requests, options.concurrency ?? 8);

  // Site pages and assets: follow the links of the exported HTML.
  const queue: string[] = [];
  const enqueue = (page: { path: string; html: string }): void => {
    for (const path of localLinks(page.html, page.path, publicUrl)) {
      if (handled.has(path) || DYNAMIC.some((pattern) => pattern.test(path))) continue;
      handled.add(path);
      queue.push(path);
    }
  };
  htmlPages.forEach(enqueue);
  const failed: string[] = [];
  while (queue.length > 0) {
    const batch = queue.splice(0, queue.length);
    await runAll(
      batch.map((path) => async () => {
        const response = await fetch(path, 'text/html, */*;q=0.1');
        if (response.status !== 200) {
          failed.push(`${path} (${response.status})`);
          return;
        }
        summary.crawled.push(path);
        if (response.contentType.startsWith('text/html')) {
          const file = /\.html?$/.test(path) ? path : `${fileStemOf(path)}.html`;
          if (write(file, response.body, path)) enqueue({ path, html: response.body.toString('utf8') });
        } else if (!path.endsWith('/')) {
          write(path, response.body);
          const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
          if (extension && response.contentType) otherTypes[extension.toLowerCase()] = response.contentType;
        }
      }),
      options.concurrency ?? 8,
    );
  }
  summary.crawled.sort();
  if (failed.length > 0) summary.notes.push(`Links that the server does not answer with 200 (not exported): ${failed.sort().join(', ')}`);

  // The content negotiation, for Apache and nginx.
  const config = {
    formats: RESOURCE_FORMATS,
    legacyMediaTypes: LEGACY_MEDIA_TYPES,
    dumps: publication.dumpFormats.map((f) => ({ extension: f.extension, file: dumpFileName(publication.version, f) })),
    otherTypes,
  };
  write('/.htaccess', Buffer.from(htaccess(config), 'utf8'));
  write('/nginx.conf', Buffer.from(nginxConfig(config), 'utf8'));
  return summary;
}

/** Summary lines for the command line. */
export function formatSummary(summary: ExportSummary): string {
  const lines = [`Exported ${summary.documents} documents to ${summary.outDir}: ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB.`, 'Files per type:'];
  for (const [type, n] of Object.entries(summary.byType).sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${type.padEnd(12)} ${String(n).padStart(6)}`);
  if (summary.crawled.length > 0) lines.push(`Pages and assets found by following links: ${summary.crawled.length}`);
  for (const note of summary.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function typeOfFile(relative: string): string {
  const name = relative.split('/').pop()!;
  if (name.startsWith('.')) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '(none)';
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const LINK = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

const SITE = 'http://site.invalid';

/**
 * Server paths (no query, no fragment) of the links in the page at `pagePath`
 * that point at this site: relative and root-relative links, and absolute
 * links below the public URL.
 */
export function localLinks(html: string, pagePath: string, publicUrl: URL): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(LINK)) {
    const raw = (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/').trim();
    if (raw === '' || raw.startsWith('#') || /^(?:mailto|javascript|data|tel):/i.test(raw)) continue;
    let url: URL;
    try {
      url = raw.startsWith(publicUrl.href) ? new URL(`/${raw.slice(publicUrl.href.length)}`, SITE) : new URL(raw, `${SITE}${pagePath}`);
    } catch {
      continue;
    }
    if (url.origin === SITE) out.add(url.pathname);
  }
  return [...out];
}

async function runAll(tasks: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
