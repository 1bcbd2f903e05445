/** (c) gateway -> NATS -> identity echo -> back: the transport's cost, no database. */
export default {
  name: 'nats-echo',
  title: 'NATS echo /v1/system/ping/identity',
  setup: (ctx) => ({ url: `${ctx.gatewayUrl}/v1/system/ping/identity` }),
  aims: { minRatio: 0.35 },
};
