// The ceiling: a bare Fastify server answering GET / with a constant JSON body, no plugins,
// no logging. Run as its own process so it gets a core the way each platform app does.
// Listens on a free port on loopback and prints `{"port":N}` on stdout once listening.
// GET /db/users/:id is the database baseline: one find-by-id on the identity database, the
// same read `GET /v1/me` makes, with nothing else around it.
import Fastify from 'fastify';
import mongoose from 'mongoose';

const app = Fastify({ logger: false });
const BODY = { ok: true };
app.get('/', async () => BODY);

let users;
app.get(
  '/db/users/:id',
  async (/** @type {import('fastify').FastifyRequest<{ Params: { id: string } }>} */ req, reply) => {
    users ??= (await mongoose.mongo.MongoClient.connect(process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017'))
      .db(process.env.BENCH_IDENTITY_DB)
      .collection('users');
    const user = await users.findOne({ _id: req.params.id }, { projection: { outbox: 0 } });
    return user ? { id: user._id, email: user.email } : reply.code(404).send({});
  },
);

const stop = () => app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(
  `${JSON.stringify({ port: /** @type {import('node:net').AddressInfo} */ (app.server.address()).port })}\n`,
);
