// Wallet benchmarks, run by tools/bench/run.mjs after the booking race while the platform is up.
// Closed-loop clients (CLIENTS at once, each sending its next request when the last is answered)
// for BENCH_DURATION seconds each, all through the gateway:
//   baseline  GET /v1/wallet: the same path (gateway, NATS, wallet-claims, one indexed read)
//             without a ledger write, measured in the same run;
//   hot       admin adjustments (CREDIT 1, a fresh Idempotency-Key each) on ONE wallet: every
//             posting contends for the same chain;
//   spread    the same over 1,000 wallets (opened through POST /v1/admin/wallets);
//   saga      booking -> fee held on the wallet -> paid: funded patients book three-seat slots
//             by wallet; latency is from POST /v1/appointments until it leaves PENDING_PAYMENT.
// Afterwards every ledger is reconciled; any mismatch fails the run.
import { randomInt, randomUUID } from 'node:crypto';
import { call, closedLoop, say, sleep } from './lib.mjs';

const CLIENTS = 32;
const WALLETS = 1000;
const SAGA_PATIENTS = 12;
// How often a patient looks at the booking; as a client app would (every 20 ms from 12 clients was
// 600 reads a second, which loaded the platform more than the saga being measured).
const SAGA_POLL_MS = 200;
const THREE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000002';

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Opens WALLETS wallets for new user ids through the admin route, CLIENTS at a time. */
async function openWallets(gatewayUrl, admin) {
  const ids = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < WALLETS) {
        next++;
        const userId = randomUUID();
        let res = await call(gatewayUrl, 'POST', '/v1/admin/wallets', { userId }, admin);
        // A client's answer to 503 + Retry-After (the service still drains the previous phase).
        for (let retry = 0; res.status === 503 && retry < 10; retry++) {
          await sleep(1000);
          res = await call(gatewayUrl, 'POST', '/v1/admin/wallets', { userId }, admin);
        }
        if (res.status !== 201) throw new Error(`open wallet: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        ids.push(res.body.id);
      }
    }),
  );
  return ids;
}

export const adjust = (gatewayUrl, admin, walletId, amountMinor = 1) =>
  call(
    gatewayUrl,
    'POST',
    `/v1/admin/wallets/${walletId}/adjustments`,
    { type: 'CREDIT', amountMinor, reason: 'bench' },
    admin,
    {
      'idempotency-key': randomUUID(),
    },
  );

export async function saga(gatewayUrl, admin, seconds, run) {
  const list = await call(gatewayUrl, 'GET', `/v1/doctors/${THREE_SEAT_DOCTOR}/slots?from=${day(0)}&to=${day(13)}`);
  const soon = Date.now() + 3 * 3_600_000;
  const seats = list.body
    .filter((s) => s.capacity === 3 && s.available === s.capacity && Date.parse(s.start) > soon)
    .flatMap((s) => [s, s, s]);
  const patients = [];
  for (let i = 0; i < SAGA_PATIENTS; i++) {
    const email = `bench.saga.${run}.${i}@example.test`;
    const password = 'correct-horse-42';
    const reg = await call(gatewayUrl, 'POST', '/v1/auth/register', {
      email,
      password,
      firstName: 'Saga',
      lastName: `P${i}`,
      phone: `+2348${randomInt(100_000_000, 999_999_999)}`,
      dateOfBirth: '1990-01-01',
      gender: 'MALE',
    });
    if (reg.status !== 201) throw new Error(`register: HTTP ${reg.status} ${JSON.stringify(reg.body)}`);
    const token = (await call(gatewayUrl, 'POST', '/v1/auth/login', { email, password })).body.accessToken;
    const w = (await call(gatewayUrl, 'GET', '/v1/wallet', null, token)).body;
    await adjust(gatewayUrl, admin, w.id, 1_000_000_000);
    patients.push(token);
  }
  const outcomes = {};
  const r = await closedLoop(seconds, SAGA_PATIENTS, async (c) => {
    const slot = seats.shift();
    if (!slot) return { status: 0 };
    const body =
      slot.mode === 'ONLINE'
        ? {
            slotId: slot.id,
            mode: 'ONLINE',
            contactNumber: '+2348011112222',
            callPreference: 'VIDEO',
            paymentMethod: 'WALLET',
          }
        : { slotId: slot.id, mode: 'IN_CLINIC', clinicId: slot.clinicId, paymentMethod: 'WALLET' };
    const booked = await call(gatewayUrl, 'POST', '/v1/appointments', body, patients[c]);
    if (booked.status !== 201) return booked;
    for (;;) {
      const a = (await call(gatewayUrl, 'GET', `/v1/appointments/${booked.body.id}`, null, patients[c])).body;
      if (a.status !== 'PENDING_PAYMENT') {
        outcomes[a.status] = (outcomes[a.status] ?? 0) + 1;
        return { status: a.payment?.status === 'PAID' ? 200 : 500 };
      }
      await sleep(SAGA_POLL_MS);
    }
  });
  return { ...r, outcomes, slotsLeft: seats.length };
}

const sayFigures = (name, r) =>
  say(`  ${name}: ${r.perSec}/s ok, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, statuses ${JSON.stringify(r.statuses)}`);

/** Runs the wallet benchmarks; returns figures and problems (empty when all is well). */
export async function walletLedger({ gatewayUrl, seconds, run }) {
  const problems = [];
  const admin = (
    await call(gatewayUrl, 'POST', '/v1/auth/login', { email: 'admin@demo.health', password: 'DemoPass2026' })
  ).body.accessToken;
  const patient = (
    await call(gatewayUrl, 'POST', '/v1/auth/login', { email: 'patient@demo.health', password: 'DemoPass2026' })
  ).body.accessToken;
  const hotWallet = (await call(gatewayUrl, 'GET', '/v1/wallet', null, patient)).body.id;

  say(`wallet: baseline GET /v1/wallet (${seconds}s)...`);
  const baseline = await closedLoop(seconds, CLIENTS, () => call(gatewayUrl, 'GET', '/v1/wallet', null, patient));
  sayFigures('baseline', baseline);
  say(`wallet: postings on one hot wallet (${seconds}s)...`);
  const hot = await closedLoop(seconds, CLIENTS, () => adjust(gatewayUrl, admin, hotWallet));
  sayFigures('hot wallet', hot);
  say(`wallet: opening ${WALLETS} wallets (POST /v1/admin/wallets)...`);
  const wallets = await openWallets(gatewayUrl, admin);
  say(`wallet: postings spread over ${wallets.length} wallets (${seconds}s)...`);
  const spread = await closedLoop(seconds, CLIENTS, (c, i) =>
    adjust(gatewayUrl, admin, wallets[(c * 7919 + i * 31) % wallets.length]),
  );
  sayFigures('spread', spread);
  say(`wallet: booking-and-payment saga (${SAGA_PATIENTS} patients, ${seconds}s)...`);
  const bookings = await saga(gatewayUrl, admin, seconds, run);
  sayFigures('saga', bookings);
  say('wallet: reconciling every ledger...');
  const reconciled = await call(gatewayUrl, 'POST', '/v1/admin/finance/reconciliation', {}, admin);
  if (reconciled.status !== 200)
    problems.push(`wallet reconciliation: HTTP ${reconciled.status} ${JSON.stringify(reconciled.body).slice(0, 200)}`);
  const report = reconciled.status === 200 ? reconciled.body : {};

  for (const [name, r] of /** @type {const} */ ([
    ['baseline', baseline],
    ['hot wallet', hot],
    ['spread', spread],
  ]))
    if (r.ok !== r.requests) problems.push(`wallet ${name}: non-2xx ${JSON.stringify(r.statuses)}`);
  if (bookings.ok !== bookings.requests)
    problems.push(
      `wallet saga: not every booking was paid ${JSON.stringify({ statuses: bookings.statuses, outcomes: bookings.outcomes })}`,
    );
  if (report.mismatches?.length)
    problems.push(
      `wallet reconciliation: ${report.mismatches.length} mismatch(es), e.g. ${JSON.stringify(report.mismatches[0])}`,
    );
  return {
    clients: CLIENTS,
    baseline,
    hot,
    spread,
    wallets: wallets.length,
    saga: bookings,
    reconciliation: {
      wallets: report.walletsChecked,
      entries: report.entriesChecked,
      mismatches: report.mismatches?.length ?? null,
    },
    problems,
  };
}
