// The scenarios `npm run bench` measures, in order. To add one, write a module next to these
// exporting { name, title, setup(ctx) -> { url, method?, headers?, body? }, aims } and list it here.
//   ctx:  { ceilingUrl, gatewayUrl, login(email, password) -> access token (cached) }
//   aims: { minRatio?: share of the ceiling's requests/s, maxP99Ms?: p99 latency bound }
// Exactly one scenario is the ceiling (ceiling: true); it must come first.
import ceiling from './ceiling.mjs';
import gatewayHealth from './gateway-health.mjs';
import natsEcho from './nats-echo.mjs';
import dbBaseline from './db-baseline.mjs';
import me from './me.mjs';
import joinToken from './join-token.mjs';
import slots from './slots.mjs';

export const SCENARIOS = [ceiling, gatewayHealth, natsEcho, dbBaseline, me, joinToken, slots];
