// The ceiling of the dereferencing benchmark: a bare Fastify route that
// returns a constant string, on the same machine, with the same Fastify.
//   node bench/ceiling.mjs PORT
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n';
app.get('/*', async (_request, reply) => reply.type('text/turtle; charset=utf-8').send(body));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
const stop = () => app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
