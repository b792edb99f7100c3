// /assets/*: the browser-side files the pages need, bundled with the
// server (YASGUI from npm, our own scripts and styles). A fixed list, read
// once: nothing else on disk is reachable through this route.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { PROJECT_ROOT } from '../../config.js';
import { notFound } from '../httpError.js';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const require = createRequire(import.meta.url);
// From the project root, not from this module: the compiled server (dist/) serves the same files.
const local = (name: string): string => join(PROJECT_ROOT, 'src', 'serve', 'assets', name);

const FILES: Record<string, [path: () => string, type: string]> = {
  'yasgui/yasgui.min.js': [() => require.resolve('@zazuko/yasgui/build/yasgui.min.js'), 'text/javascript; charset=utf-8'],
  'yasgui/yasgui.min.css': [() => require.resolve('@zazuko/yasgui/build/yasgui.min.css'), 'text/css; charset=utf-8'],
  'query-page.js': [() => local('query-page.js'), 'text/javascript; charset=utf-8'],
  'query-page.css': [() => local('query-page.css'), 'text/css; charset=utf-8'],
  'site.css': [() => local('site.css'), 'text/css; charset=utf-8'],
};

export const assetRoutes: FastifyPluginAsync<{ extra?: Record<string, [() => string, string]> }> = async (app, options) => {
  const assets = new Map<string, Asset>();
  for (const [name, [path, type]] of Object.entries({ ...FILES, ...(options.extra ?? {}) })) {
    const body = readFileSync(path());
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"` });
  }
  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const asset = assets.get(name);
    if (!asset) throw notFound(`/assets/${name}`);
    reply.header('ETag', asset.etag).header('Cache-Control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
};
