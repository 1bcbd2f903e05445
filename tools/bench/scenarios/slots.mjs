/**
 * (f) Free-slot query: 30 days of the one-seat demo doctor's slots (GET /v1/doctors/:id/slots),
 * public route: gateway, NATS, scheduling (rules expanded, seats counted in the database).
 */
export const ONE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000001';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export default {
  name: 'slots',
  title: 'free slots, 30 days',
  setup: (ctx) => ({ url: `${ctx.gatewayUrl}/v1/doctors/${ONE_SEAT_DOCTOR}/slots?from=${day(0)}&to=${day(29)}` }),
  aims: { maxP99Ms: 50 },
};
