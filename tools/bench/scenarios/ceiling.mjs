/** (a) Bare Fastify answering a constant: what this machine can do at all. Every ratio is against it. */
export default {
  name: 'ceiling',
  title: 'bare Fastify constant',
  ceiling: true,
  setup: (ctx) => ({ url: `${ctx.ceilingUrl}/` }),
  aims: {},
};
