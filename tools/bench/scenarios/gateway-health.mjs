/** (b) The gateway's liveness route: Nest + Fastify + helmet/CORS hooks, no I/O. */
export default {
  name: 'gateway-health',
  title: 'gateway /health',
  setup: (ctx) => ({ url: `${ctx.gatewayUrl}/health` }),
  aims: {},
};
