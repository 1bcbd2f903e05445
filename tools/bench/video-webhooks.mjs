// Video webhooks, run by tools/bench/run.mjs (part `video`) while the platform is up:
//   setup     SESSIONS consultation sessions: each a new patient, funded by an admin credit, books
//             an online seat of the three-seat demo doctor paid from the wallet (the doctor confirms
//             if asked), waits for its session and joins it once (the lobby);
//   baseline  LiveKit's WebhookReceiver.receive (livekit-server-sdk, the bench's key and secret) on
//             the same signed webhooks, one after the other in this process, for BASELINE_SECONDS:
//             what verifying the signature alone allows;
//   gateway   PER_SESSION signed participant_joined/left webhooks per session (either side, each its
//             own event id), posted by CLIENTS concurrent clients through the gateway
//             (POST /v1/webhooks/video/livekit): webhooks/s (first post to last answer), p50/p99;
//   exactly once: every one answered applied:true, each session's version grew by exactly the
//             number applied to it, and a replay of REPLAYS of each session's webhooks answers
//             applied:false and changes no version. Anything else fails the run.
// onlineSessions() is also the setup of the join-token scenario (scenarios/join-token.mjs).
import { performance } from 'node:perf_hooks';
import { WebhookReceiver } from 'livekit-server-sdk';
import { newPatient } from './booking-contention.mjs';
import { call, say, sleep } from './lib.mjs';
import { BENCH_VIDEO, JOIN_OPENS_MINUTES_BEFORE, compiled } from './settings.mjs';
import { adjust } from './wallet-ledger.mjs';

/** @type {typeof import('../../libs/testing/src/video/signed-webhook')} */
const { signedWebhook } = await compiled('dist/libs/testing/src/video/signed-webhook.js');
/** @type {typeof import('../../libs/contracts/src/teleconsultation/teleconsultation.types')} */
const { VideoProviderName } = await compiled('dist/libs/contracts/src/teleconsultation/teleconsultation.types.js');

const THREE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000002';
const DOCTOR = { email: 'dr.nwosu@demo.health', password: 'DemoPass2026' };
const ADMIN = { email: 'admin@demo.health', password: 'DemoPass2026' };
const SESSIONS = Number(process.env.BENCH_VIDEO_SESSIONS ?? 16);
// Under the 100 provider event ids a session remembers (consultation.store.ts): a replay of an
// event older than that would be applied again, so a session gets fewer than that here.
const PER_SESSION = 80;
const CLIENTS = 32; // two in flight per session: they contend for its version, as a busy room does
const REPLAYS = 5; // per session, spread over its webhooks
const SETUP_BATCH = 8; // sessions made at once (argon2 on each registration and login)
const BASELINE_SECONDS = 3;
const POLL_MS = 200;
const WAIT_MS = 60_000;

const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** @param {string} gatewayUrl @param {{ email: string, password: string }} who */
async function login(gatewayUrl, who) {
  const res = await call(gatewayUrl, 'POST', '/v1/auth/login', who);
  if (res.status !== 200) throw new Error(`login as ${who.email}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return /** @type {string} */ (res.body.accessToken);
}

/** Polls `read` until it returns something, or throws naming `what` after WAIT_MS. */
async function waitFor(what, read) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS / 1000}s`);
    await sleep(POLL_MS);
  }
}

/** Free online seats of the three-seat doctor (three per slot) that can be joined now and booked. */
async function joinableSeats(gatewayUrl) {
  const list = await call(gatewayUrl, 'GET', `/v1/doctors/${THREE_SEAT_DOCTOR}/slots?from=${day(0)}&to=${day(13)}`);
  if (list.status !== 200) throw new Error(`slots: HTTP ${list.status} ${JSON.stringify(list.body)}`);
  const soon = Date.now() + 3 * 3_600_000; // past any minimum notice
  const opensBy = Date.now() + JOIN_OPENS_MINUTES_BEFORE * 60_000 - 3_600_000;
  return list.body
    .filter((s) => s.mode !== 'IN_CLINIC' && Date.parse(s.start) > soon && Date.parse(s.start) < opensBy)
    .flatMap((s) => Array.from({ length: s.available }, () => s));
}

/**
 * One confirmed online appointment of a new patient and its session, joined once by the patient
 * (so the lobby is already noted and every later join only reads the session and signs a token).
 */
async function onlineSession(gatewayUrl, tokens, slot, i, run) {
  const patient = await newPatient(gatewayUrl, i, run);
  const wallet = await call(gatewayUrl, 'GET', '/v1/wallet', null, patient);
  const credit = await adjust(gatewayUrl, tokens.admin, wallet.body.id, slot.fee.amountMinor);
  if (credit.status !== 201 && credit.status !== 200)
    throw new Error(`wallet credit: HTTP ${credit.status} ${JSON.stringify(credit.body)}`);
  const body = {
    slotId: slot.id,
    mode: 'ONLINE',
    contactNumber: '+2348011112222',
    callPreference: 'VIDEO',
    paymentMethod: 'WALLET',
  };
  const booked = await call(gatewayUrl, 'POST', '/v1/appointments', body, patient);
  if (booked.status !== 201)
    throw new Error(`book an online seat: HTTP ${booked.status} ${JSON.stringify(booked.body)}`);
  const id = booked.body.id;
  const appointment = async () => (await call(gatewayUrl, 'GET', `/v1/appointments/${id}`, null, patient)).body;
  let status = await waitFor('the wallet payment', async () => {
    const a = await appointment();
    return a.status !== 'PENDING_PAYMENT' && a.status;
  });
  if (status === 'PENDING_CONFIRMATION') {
    const confirmed = await call(gatewayUrl, 'POST', `/v1/appointments/${id}/confirm`, {}, tokens.doctor);
    if (confirmed.status !== 200)
      throw new Error(`confirm: HTTP ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    status = (await appointment()).status;
  }
  if (status !== 'CONFIRMED') throw new Error(`appointment ${id} is ${status}, not CONFIRMED`);
  const session = await waitFor(
    'the consultation session',
    async () => (await call(gatewayUrl, 'GET', `/v1/consultations?appointmentId=${id}`, null, patient)).body.items?.[0],
  );
  const joined = await call(gatewayUrl, 'POST', `/v1/consultations/${session.id}/join`, {}, patient);
  if (joined.status !== 200) throw new Error(`join: HTTP ${joined.status} ${JSON.stringify(joined.body)}`);
  return { patient, session };
}

/**
 * `count` joinable consultation sessions (a new patient each) made through the gateway; each comes
 * with its patient's access token.
 * @param {string} gatewayUrl @param {number} count @param {string} run tells this run's patients apart
 * @returns {Promise<{ patient: string, session: any }[]>}
 */
export async function onlineSessions(gatewayUrl, count, run) {
  const tokens = { admin: await login(gatewayUrl, ADMIN), doctor: await login(gatewayUrl, DOCTOR) };
  const seats = await joinableSeats(gatewayUrl);
  if (seats.length < count) throw new Error(`only ${seats.length} free online seats can be joined, need ${count}`);
  const out = [];
  for (let i = 0; i < count; i += SETUP_BATCH) {
    const batch = Array.from({ length: Math.min(SETUP_BATCH, count - i) }, (_, k) =>
      onlineSession(gatewayUrl, tokens, seats[i + k], i + k, run),
    );
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

/** A session's current version, as its patient sees it. */
async function versionOf(gatewayUrl, { patient, session }) {
  const res = await call(gatewayUrl, 'GET', `/v1/consultations/${session.id}`, null, patient);
  if (res.status !== 200) throw new Error(`read session ${session.id}: HTTP ${res.status}`);
  return /** @type {number} */ (res.body.version);
}

/** @param {string} gatewayUrl @param {{ rawBody: string, headers: Record<string, string> }} w */
async function post(gatewayUrl, w) {
  const res = await fetch(`${gatewayUrl}/v1/webhooks/video/livekit`, {
    method: 'POST',
    headers: w.headers,
    body: w.rawBody,
  });
  const body = /** @type {{ applied?: boolean } | null} */ (await res.json().catch(() => null));
  return { status: res.status, applied: body?.applied };
}

/** Verifies each webhook with LiveKit's receiver in turn, round after round, for BASELINE_SECONDS. */
async function verifyInLoop(webhooks) {
  const receiver = new WebhookReceiver(BENCH_VIDEO.LIVEKIT_API_KEY, BENCH_VIDEO.LIVEKIT_API_SECRET);
  const receive = (w) => receiver.receive(w.rawBody, w.headers.Authorization);
  for (const w of webhooks.slice(0, 200)) await receive(w); // warm-up: JIT; not counted
  let verified = 0;
  const t0 = performance.now();
  const end = t0 + BASELINE_SECONDS * 1000;
  while (performance.now() < end)
    for (const w of webhooks) {
      await receive(w);
      verified++;
    }
  const sec = (performance.now() - t0) / 1000;
  return { verified, sec: round1(sec), perSec: round1(verified / sec) };
}

/** Posts every webhook from CLIENTS closed-loop clients; per-webhook status, applied and latency. */
async function postAll(gatewayUrl, webhooks) {
  const answers = new Array(webhooks.length);
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < webhooks.length) {
        const i = next++;
        const t = performance.now();
        answers[i] = await post(gatewayUrl, webhooks[i]).catch(() => ({ status: 0, applied: undefined }));
        latencies.push(performance.now() - t);
      }
    }),
  );
  const sec = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const applied = answers.filter((a) => a.status === 200 && a.applied === true).length;
  return {
    answers,
    figures: {
      webhooks: webhooks.length,
      applied,
      statuses,
      sec: round1(sec),
      perSec: round1(applied / sec),
      p50Ms: round1(percentile(latencies, 0.5)),
      p99Ms: round1(percentile(latencies, 0.99)),
      maxMs: round1(latencies.at(-1)),
    },
  };
}

/** The part: setup, baseline, webhooks through the gateway, then the exactly-once audit. */
export async function videoWebhooks({ gatewayUrl }) {
  const problems = [];
  say(`video: making ${SESSIONS} joinable consultation sessions (book online, pay by wallet, join)...`);
  const sessions = await onlineSessions(gatewayUrl, SESSIONS, `video${Date.now().toString(36)}`);

  // Webhook k goes to session k % SESSIONS, so the clients in flight cover every session at once.
  const kinds = /** @type {const} */ (['PARTICIPANT_JOINED', 'PARTICIPANT_LEFT']);
  const webhooks = [];
  const target = [];
  for (let k = 0; k < SESSIONS * PER_SESSION; k++) {
    const n = k % SESSIONS;
    const { session } = sessions[n];
    const step = Math.floor(k / SESSIONS);
    const identity = step % 2 === 0 ? `patient:${session.patientId}` : `doctor:${session.doctorId}`;
    webhooks.push(
      await signedWebhook(VideoProviderName.LIVEKIT, BENCH_VIDEO, {
        kind: kinds[Math.floor(step / 2) % 2],
        room: session.roomId,
        identity,
        id: `EV_bench_${session.id}_${step}`,
      }),
    );
    target.push(n);
  }

  say(`video: baseline, WebhookReceiver.receive in a loop in this process (${BASELINE_SECONDS}s)...`);
  const baseline = await verifyInLoop(webhooks);
  say(`  ${baseline.perSec} webhooks/s verified (${baseline.verified} in ${baseline.sec}s)`);

  const before = await Promise.all(sessions.map((s) => versionOf(gatewayUrl, s)));
  say(
    `video: ${webhooks.length} signed webhooks (${PER_SESSION} per session) from ${CLIENTS} clients through the gateway...`,
  );
  const { answers, figures: gateway } = await postAll(gatewayUrl, webhooks);
  const ratio = baseline.perSec && gateway.perSec != null ? gateway.perSec / baseline.perSec : null;
  say(
    `  ${gateway.perSec} webhooks/s applied, p50 ${gateway.p50Ms} ms, p99 ${gateway.p99Ms} ms, statuses ${JSON.stringify(gateway.statuses)} ` +
      `(${ratio == null ? '-' : `${(ratio * 100).toFixed(1)}%`} of the bare signature check)`,
  );

  // Exactly once: each session's version grew by the number applied to it, and replays change nothing.
  const applied = new Array(SESSIONS).fill(0);
  answers.forEach((a, k) => a.status === 200 && a.applied === true && applied[target[k]]++);
  const after = await Promise.all(sessions.map((s) => versionOf(gatewayUrl, s)));
  const versionMismatches = sessions.flatMap((s, n) =>
    after[n] - before[n] === applied[n]
      ? []
      : [{ session: s.session.id, before: before[n], after: after[n], applied: applied[n] }],
  );
  const sample = [];
  for (let n = 0; n < SESSIONS; n++)
    for (let r = 0; r < REPLAYS; r++) sample.push(n + SESSIONS * Math.floor((r * (PER_SESSION - 1)) / (REPLAYS - 1)));
  const replayed = await Promise.all(sample.map((k) => post(gatewayUrl, webhooks[k])));
  const replaysApplied = replayed.filter((a) => a.status !== 200 || a.applied !== false);
  const afterReplays = await Promise.all(sessions.map((s) => versionOf(gatewayUrl, s)));
  const movedByReplays = afterReplays.filter((v, n) => v !== after[n]).length;
  say(
    `  exactly once: ${gateway.applied}/${webhooks.length} applied; ${versionMismatches.length} session version(s) off; ` +
      `${sample.length - replaysApplied.length}/${sample.length} replays answered applied:false; ${movedByReplays} version(s) moved by replays`,
  );

  if (gateway.applied !== webhooks.length)
    problems.push(
      `video: ${webhooks.length - gateway.applied} of ${webhooks.length} webhooks not applied (statuses ${JSON.stringify(gateway.statuses)})`,
    );
  if (versionMismatches.length)
    problems.push(
      `video: ${versionMismatches.length} session(s) changed by other than the webhooks applied, e.g. ${JSON.stringify(versionMismatches[0])}`,
    );
  if (replaysApplied.length)
    problems.push(
      `video: ${replaysApplied.length} of ${sample.length} replays not answered 200 applied:false, e.g. ${JSON.stringify(replaysApplied[0])}`,
    );
  if (movedByReplays) problems.push(`video: replays changed ${movedByReplays} session version(s)`);
  return {
    sessions: SESSIONS,
    perSession: PER_SESSION,
    clients: CLIENTS,
    baseline,
    gateway,
    ratio: ratio == null ? null : Math.round(ratio * 1000) / 1000,
    exactlyOnce: {
      applied: gateway.applied,
      versionMismatches: versionMismatches.length,
      replays: sample.length,
      replaysApplied: replaysApplied.length,
      movedByReplays,
    },
    problems,
  };
}
