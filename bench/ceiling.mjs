// The ceiling of the dereferencing benchmark: a bare Fastify route that
// returns a constant string, on the same machine, with the same Fastify.
//   node bench/ceiling.mjs PORT [BODY_BYTES]
// BODY_BYTES (default 50) sets the size of the constant body, so the ceiling
// can move as many bytes per response as the representations it is compared with.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const size = Number(process.argv[3] ?? 50);
const line = '<https://w3id.org/iot-setup/x> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n';
const body = line.repeat(Math.ceil(size / line.length)).slice(0, size);
app.get('/*', async (_request, reply) => reply.type('text/turtle; charset=utf-8').send(body));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
const stop = () => app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
