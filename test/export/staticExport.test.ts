// The static export: a file for every resource × format, each with exactly
// the bytes the server sends for the same request; the dumps, the VoID and
// the context; .htaccess and nginx.conf that cover every extension and pick
// the same format as the server for the usual Accept headers; a non-empty
// directory refused without --force (library and CLI).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { BASE } from '../../src/namespaces.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { ExportRefused, exportStatic, localLinks, type ExportSummary } from '../../src/export/staticExport.js';
import { extensionForAccept } from '../../src/export/serverConfig.js';
import { LEGACY_MEDIA_TYPES, RESOURCE_FORMATS } from '../../src/serve/routes/resources.js';

const FORMATS: ReadonlyArray<[extension: string, mediaType: string]> = [
  ['ttl', 'text/turtle'],
  ['jsonld', 'application/ld+json'],
  ['nt', 'application/n-triples'],
  ['rdf', 'application/rdf+xml'],
  ['trig', 'application/trig'],
  ['nq', 'application/n-quads'],
  ['html', 'text/html'],
];

let t: TestApp;
let outDir: string;
let summary: ExportSummary;
const temporary: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iot-export-'));
  temporary.push(dir);
  return dir;
}

/** Every document path, computed from the store: every IRI subject under the base (fragments belong to their document), plus the version IRI. */
function resourcePaths(): string[] {
  const paths = new Set<string>();
  for (const s of t.deps.kg.store.getSubjects(null, null, null)) {
    if (s.termType === 'NamedNode' && s.value.startsWith(BASE)) paths.add(`/${s.value.slice(BASE.length).split('#')[0]}`);
  }
  paths.add('/ontology/0.1.0');
  return [...paths].sort();
}

const fileOf = (path: string, extension: string): string => join(outDir, `${path.endsWith('/') ? `${path}index` : path}.${extension}`);

beforeAll(async () => {
  t = await testApp();
  outDir = tempDir();
  summary = await exportStatic(t.app, t.deps, { outDir });
}, 180_000);

afterAll(async () => {
  await t?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('files', () => {
  it('exist for every resource × format', () => {
    const paths = resourcePaths();
    expect(paths.length).toBeGreaterThan(300);
    const missing = paths.flatMap((path) => FORMATS.map(([extension]) => fileOf(path, extension)).filter((file) => !existsSync(file)));
    expect(missing).toEqual([]);
    expect(summary.byType.ttl).toBeGreaterThanOrEqual(paths.length);
  });

  it('hold exactly the bytes the server sends for the same request (every resource, every RDF format and HTML)', async () => {
    for (const path of resourcePaths()) {
      for (const [extension, mediaType] of FORMATS) {
        const res = await t.app.inject({ method: 'GET', url: path, headers: { accept: mediaType } });
        expect(res.statusCode, path).toBe(200);
        const file = readFileSync(fileOf(path, extension));
        expect(file.equals(res.rawPayload), `${path}.${extension}`).toBe(true);
      }
    }
  }, 180_000);

  it('include the dumps, the VoID, the dataset, the named graphs and the JSON-LD context', async () => {
    for (const extension of ['ttl', 'nt', 'rdf', 'jsonld', 'trig', 'nq']) {
      const url = `/dumps/iot-setup-0.1.0.${extension}`;
      const res = await t.app.inject({ url });
      expect(readFileSync(join(outDir, url)).equals(res.rawPayload), url).toBe(true);
      expect(existsSync(join(outDir, `void.${extension}`))).toBe(true);
      expect(existsSync(join(outDir, `index.${extension}`))).toBe(true);
      expect(existsSync(join(outDir, `graph/entailments.${extension}`))).toBe(true);
    }
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'context.jsonld'))).toBe(true);
  });

  it('the summary counts the files per type and says what is not exportable', () => {
    const total = Object.values(summary.byType).reduce((a, b) => a + b, 0);
    expect(total).toBe(summary.files);
    for (const [extension] of FORMATS) expect(summary.byType[extension]).toBeGreaterThan(0);
    expect(summary.notes.join(' ')).toMatch(/\/sparql/);
    expect(summary.notes.join(' ')).toMatch(/\/search/);
  });
});

describe('server configuration', () => {
  let htaccess: string;
  let nginx: string;
  beforeAll(() => {
    htaccess = readFileSync(join(outDir, '.htaccess'), 'utf8');
    nginx = readFileSync(join(outDir, 'nginx.conf'), 'utf8');
  });

  it('.htaccess declares every extension, sets Vary: Accept and rewrites on Accept', () => {
    for (const [extension, mediaType] of FORMATS) {
      expect(htaccess).toContain(`AddType ${mediaType} .${extension}`);
      expect(htaccess).toContain(`[E=IOT_EXT:${extension}]`);
    }
    expect(htaccess).toMatch(/^\s*Header merge Vary Accept$/m);
    expect(htaccess).toContain('RewriteCond %{HTTP_ACCEPT}');
    expect(htaccess).toContain('DirectorySlash Off');
    expect(htaccess).toMatch(/^RewriteRule \^dumps\/latest\\\.ttl\$ dumps\/iot-setup-0\.1\.0\.ttl \[R=302,L\]$/m);
  });

  it('nginx.conf maps Accept to every extension, sets Vary and tries the files', () => {
    expect(nginx).toContain('map $http_accept $iot_accept_ext {');
    for (const [extension, mediaType] of FORMATS) {
      expect(nginx).toMatch(new RegExp(`^\\s+"~\\*[^"]+" ${extension};$`, 'm'));
      expect(nginx).toMatch(new RegExp(`^\\s+${mediaType.replace('+', '\\+')} ${extension};$`, 'm'));
    }
    expect(nginx).toContain('add_header Vary Accept always;');
    expect(nginx).toContain('try_files $uri $uri.$iot_ext');
  });

  // The map of the generated nginx.conf, evaluated here, must choose what the server chooses.
  const ACCEPTS = [
    'text/turtle',
    'application/ld+json',
    'text/turtle;q=0.5, application/ld+json',
    'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
    '*/*',
    'application/n-triples, text/turtle;q=0',
    'application/rdf+xml',
    'application/trig',
    'application/n-quads',
    'application/rdf+xml;q=0.9, text/html;q=0.1',
    'text/plain, */*;q=0.1',
  ];
  it.each(ACCEPTS)('for Accept: %s the nginx map and the .htaccess rules pick the server\'s format', async (accept) => {
    const res = await t.app.inject({ url: '/protocol/brski', headers: { accept } });
    const served = RESOURCE_FORMATS.find((f) => String(res.headers['content-type']).startsWith(f.mediaType))!.extension;
    const rules = [...nginx.matchAll(/^\s+"~\*([^"]+)" (\w+);$/gm)].map(([, pattern, extension]) => ({ pattern: new RegExp(pattern!, 'i'), extension }));
    const fromNginx = rules.find((r) => r.pattern.test(accept))?.extension ?? /default (\w+);/.exec(nginx)![1];
    const apache = [...htaccess.matchAll(/^RewriteCond %\{HTTP_ACCEPT\} (\S+) \[NC\]\nRewriteRule \^ - \[E=IOT_EXT:(\w+)\]$/gm)].map(([, pattern, extension]) => ({ pattern: new RegExp(pattern!, 'i'), extension }));
    const fromApache = apache.find((r) => r.pattern.test(accept))?.extension ?? 'ttl';
    expect(fromNginx).toBe(served);
    expect(fromApache).toBe(served);
    expect(extensionForAccept(accept, RESOURCE_FORMATS, LEGACY_MEDIA_TYPES)).toBe(served);
  });
});

describe('links of HTML pages', () => {
  it('are relative, root-relative or below the public URL; other sites, fragments and queries are dropped', () => {
    const base = new URL('https://w3id.org/iot-setup/');
    const html =
      '<a href="/protocols">p</a><a href="../compare/terms?x=1#y">a</a><link href="https://w3id.org/iot-setup/assets/a.css">' +
      '<script src=\'other.js\'></script><a href="https://elsewhere.org/">b</a><a href="#top">c</a><a href="//cdn.example/x.js">d</a><a href="mailto:x@y">e</a>';
    expect(localLinks(html, '/protocol/brski', base).sort()).toEqual(['/assets/a.css', '/compare/terms', '/protocol/other.js', '/protocols']);
  });
});

describe('refusing to overwrite', () => {
  it('a non-empty directory is refused without force, and accepted with it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    await expect(exportStatic(t.app, t.deps, { outDir: dir })).rejects.toBeInstanceOf(ExportRefused);
    expect(existsSync(join(dir, 'ontology.ttl'))).toBe(false);
    const forced = await exportStatic(t.app, t.deps, { outDir: dir, force: true });
    expect(forced.files).toBe(summary.files);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  }, 180_000);

  it('the export command refuses too, before loading anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'export', dir], { cwd: PROJECT_ROOT, timeout: 60_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      });
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--force');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
