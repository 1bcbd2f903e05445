/**
 * The database's own ceiling for GET /v1/me: the same find-by-id on the identity database
 * behind bare Fastify. On FerretDB (SQLite) this, not the platform, bounds /v1/me.
 */
export default {
  name: 'db-baseline',
  title: 'baseline: DB find-by-id, bare Fastify',
  setup: (ctx) => ({ url: `${ctx.ceilingUrl}/db/users/e0000000-0000-4000-8000-000000000001` }),
  aims: {},
};
