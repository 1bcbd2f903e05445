/** (d) Authenticated GET /v1/me end to end: JWT check, rate limit (Redis), NATS, identity, database. */
export default {
  name: 'me',
  title: 'authenticated GET /v1/me',
  async setup(ctx) {
    const token = await ctx.login('patient@demo.health', 'DemoPass2026');
    return { url: `${ctx.gatewayUrl}/v1/me`, headers: { authorization: `Bearer ${token}` } };
  },
  aims: { minRatio: 0.1, maxP99Ms: 50 },
};
