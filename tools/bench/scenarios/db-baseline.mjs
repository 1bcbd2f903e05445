/**
 * The database's own ceiling for GET /v1/me: the same find-by-id on the identity database
 * behind bare Fastify: what the database alone allows, read beside /v1/me in the same run.
 */
export default {
  name: 'db-baseline',
  title: 'baseline: DB find-by-id, bare Fastify',
  setup: (ctx) => ({ url: `${ctx.ceilingUrl}/db/users/e0000000-0000-4000-8000-000000000001` }),
  aims: {},
};
