// The access log: one line per response (method, URL, status, time), not
// Fastify's two lines per request.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';

const lines: Array<Record<string, unknown>> = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ logger: { level: 'info', stream } });
});
afterAll(async () => t.close());

it('logs one line per response with method, URL, status and milliseconds', async () => {
  lines.length = 0;
  await t.app.inject({ method: 'GET', url: '/protocol/brski', headers: { accept: 'text/turtle' } });
  await t.app.inject({ method: 'GET', url: '/no/such/thing' });
  const responses = lines.filter((l) => l.msg === 'response');
  expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
  expect(responses.map((l) => [l.method, l.url, l.statusCode])).toEqual([
    ['GET', '/protocol/brski', 200],
    ['GET', '/no/such/thing', 404],
  ]);
  expect(typeof responses[0]!.ms).toBe('number');
  expect(responses[0]!.reqId).toBeDefined();
});
