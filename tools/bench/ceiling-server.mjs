// The ceiling: a bare Fastify server answering GET / with a constant JSON body, no plugins,
// no logging. Run as its own process so it gets a core the way each platform app does.
// Listens on a free port on loopback and prints `{"port":N}` on stdout once listening.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const BODY = { ok: true };
app.get('/', async () => BODY);

const stop = () => app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);
