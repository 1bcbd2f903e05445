// Secure messaging, run by tools/bench/run.mjs (part `messages`) while the platform is up:
//   setup     THREADS threads: each a new patient, funded by an admin credit, books a seat of the
//             three-seat demo doctor paid from the wallet (the doctor confirms if asked), then opens
//             the thread with that doctor (POST /v1/threads) once teleconsultation knows the appointment;
//   baseline  GET /v1/me by the same patients, CLIENTS closed-loop clients, SECONDS: what an
//             authenticated round trip to a service and its database allows, in this very run;
//   send      POST /v1/threads/{id}/messages, CLIENTS clients over the THREADS threads (two per
//             thread: they contend for its next number), SECONDS: messages/s, p50/p99;
//   list      GET /v1/threads/{id}/messages?limit=20 (newest first, decrypted), SECONDS;
//   exact     each thread's messageCount is its posts answered 201 plus at most those that timed
//             out, the doctor's unread count of it equals it, and its numbers run 1..n. Anything else
//             fails the run (timeouts are reported as failed requests too).
import { newPatient } from './booking-contention.mjs';
import { call, closedLoop, say, sleep } from './lib.mjs';
import { adjust } from './wallet-ledger.mjs';

const THREE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000002';
const DOCTOR = { email: 'dr.nwosu@demo.health', password: 'DemoPass2026' };
const ADMIN = { email: 'admin@demo.health', password: 'DemoPass2026' };
const THREADS = Number(process.env.BENCH_MESSAGE_THREADS ?? 16);
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_MESSAGE_SECONDS ?? 8);
const POLL_MS = 200;
const WAIT_MS = 60_000;

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function login(gatewayUrl, who) {
  const res = await call(gatewayUrl, 'POST', '/v1/auth/login', who);
  if (res.status !== 200) throw new Error(`login as ${who.email}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return /** @type {string} */ (res.body.accessToken);
}

async function waitFor(what, read) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS / 1000}s`);
    await sleep(POLL_MS);
  }
}

/** A new patient with a confirmed appointment with the demo doctor, and their thread with that doctor. */
async function patientThread(gatewayUrl, tokens, slot, i, run) {
  const patient = await newPatient(gatewayUrl, 700_000 + i, run); // numbers no other part uses
  const wallet = await call(gatewayUrl, 'GET', '/v1/wallet', null, patient);
  const credit = await adjust(gatewayUrl, tokens.admin, wallet.body.id, slot.fee.amountMinor);
  if (credit.status !== 201 && credit.status !== 200)
    throw new Error(`wallet credit: HTTP ${credit.status} ${JSON.stringify(credit.body)}`);
  const body =
    slot.mode === 'ONLINE'
      ? { slotId: slot.id, mode: 'ONLINE', contactNumber: '+2348011112222', callPreference: 'VIDEO' }
      : { slotId: slot.id, mode: 'IN_CLINIC', clinicId: slot.clinicId };
  const booked = await call(gatewayUrl, 'POST', '/v1/appointments', { ...body, paymentMethod: 'WALLET' }, patient);
  if (booked.status !== 201) throw new Error(`book a seat: HTTP ${booked.status} ${JSON.stringify(booked.body)}`);
  const id = booked.body.id;
  const status = await waitFor('the wallet payment', async () => {
    const a = (await call(gatewayUrl, 'GET', `/v1/appointments/${id}`, null, patient)).body;
    return a.status !== 'PENDING_PAYMENT' && a.status;
  });
  if (status === 'PENDING_CONFIRMATION') {
    const confirmed = await call(gatewayUrl, 'POST', `/v1/appointments/${id}/confirm`, {}, tokens.doctor);
    if (confirmed.status !== 200)
      throw new Error(`confirm: HTTP ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  } else if (status !== 'CONFIRMED') throw new Error(`appointment ${id} is ${status}, not CONFIRMED`);
  const thread = await waitFor('the care relationship (POST /v1/threads)', async () => {
    const opened = await call(gatewayUrl, 'POST', '/v1/threads', { doctorId: THREE_SEAT_DOCTOR }, patient);
    return opened.status === 200 && opened.body;
  });
  return { patient, threadId: /** @type {string} */ (thread.id) };
}

const sayFigures = (name, r) =>
  say(`  ${name}: ${r.perSec}/s ok, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, statuses ${JSON.stringify(r.statuses)}`);

/** @param {{ gatewayUrl: string, run: string }} options */
export async function messagesBench({ gatewayUrl, run }) {
  /** @type {string[]} */
  const problems = [];
  say(`messages: ${THREADS} patients with an appointment open a thread with the demo doctor...`);
  const tokens = { admin: await login(gatewayUrl, ADMIN), doctor: await login(gatewayUrl, DOCTOR) };
  const list = await call(gatewayUrl, 'GET', `/v1/doctors/${THREE_SEAT_DOCTOR}/slots?from=${day(0)}&to=${day(13)}`);
  if (list.status !== 200) throw new Error(`slots: HTTP ${list.status}`);
  const soon = Date.now() + 3 * 3_600_000;
  const seats = list.body.filter((s) => Date.parse(s.start) > soon && s.available > 0).reverse(); // the far end: others book near
  if (seats.length < THREADS) throw new Error(`only ${seats.length} free slots, need ${THREADS}`);
  const threads = await Promise.all(
    Array.from({ length: THREADS }, (_, i) => patientThread(gatewayUrl, tokens, seats[i], i, run)),
  );
  const of = (c) => threads[c % THREADS];

  say(`messages: GET /v1/me baseline, ${CLIENTS} clients, ${SECONDS}s...`);
  const baseline = await closedLoop(SECONDS, CLIENTS, (c) => call(gatewayUrl, 'GET', '/v1/me', null, of(c).patient));
  sayFigures('baseline GET /v1/me', baseline);

  /** @type {Map<string, number>} 201s per thread */
  const posted = new Map(threads.map((t) => [t.threadId, 0]));
  /** @type {Map<string, number>} posts whose outcome is unknown (timed out: they may have been stored) */
  const unknown = new Map(threads.map((t) => [t.threadId, 0]));
  say(`messages: POST /v1/threads/{id}/messages, ${CLIENTS} clients over ${THREADS} threads, ${SECONDS}s...`);
  const send = await closedLoop(SECONDS, CLIENTS, async (c, i) => {
    const t = of(c);
    const res = await call(
      gatewayUrl,
      'POST',
      `/v1/threads/${t.threadId}/messages`,
      { text: `Bench message ${c}.${i}: how should I take the tablets?` },
      t.patient,
    );
    const tally = res.status === 201 ? posted : res.status === 0 || res.status >= 500 ? unknown : null;
    tally?.set(t.threadId, (tally.get(t.threadId) ?? 0) + 1);
    return res;
  });
  sayFigures('send', send);

  say(`messages: GET /v1/threads/{id}/messages?limit=20, ${CLIENTS} clients, ${SECONDS}s...`);
  const read = await closedLoop(SECONDS, CLIENTS, (c) =>
    call(gatewayUrl, 'GET', `/v1/threads/${of(c).threadId}/messages?limit=20`, null, of(c).patient),
  );
  sayFigures('list', read);

  // Exact: each thread holds every 201, plus at most the posts that timed out (stored or not), numbered
  // 1..n without gaps; the doctor, who read nothing, has exactly n unread.
  for (const t of threads) {
    const n = posted.get(t.threadId) ?? 0;
    const maybe = unknown.get(t.threadId) ?? 0;
    const seen = await call(gatewayUrl, 'GET', `/v1/threads/${t.threadId}`, null, tokens.doctor);
    const count = seen.body.messageCount;
    if (!(count >= n && count <= n + maybe) || seen.body.unread !== count)
      problems.push(
        `messages: thread ${t.threadId} has messageCount ${count}, doctor's unread ${seen.body.unread}; ${n} posts answered 201, ${maybe} timed out`,
      );
    const newest = await call(gatewayUrl, 'GET', `/v1/threads/${t.threadId}/messages?limit=1`, null, t.patient);
    if (newest.body.total !== count || (count > 0 && newest.body.items[0]?.seq !== count))
      problems.push(
        `messages: thread ${t.threadId} lists ${newest.body.total} messages, newest seq ${newest.body.items[0]?.seq}; messageCount ${count}`,
      );
  }
  if (send.ok === 0) problems.push('messages: no message was posted');
  for (const [name, r] of Object.entries({ send, list: read, baseline }))
    if (r.ok !== r.requests)
      problems.push(`messages: ${name} had ${r.requests - r.ok} failed requests ${JSON.stringify(r.statuses)}`);
  say(
    `  exact: ${problems.length ? problems.length + ' problem(s)' : `every thread's count and unread equal its ${send.ok} posts' 201s`}`,
  );
  return { threads: THREADS, clients: CLIENTS, seconds: SECONDS, baseline, send, list: read, problems };
}
