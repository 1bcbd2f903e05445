// The real-time stream, run by tools/bench/run.mjs (part `stream`) while the platform is up:
//   setup     USERS new patients (registered and logged in through the gateway), each opening
//             PER_USER streams (GET /v1/stream, the per-user limit): CONNECTIONS in all, on the one
//             gateway; each waits for its `ready`;
//   memory    the gateway's resident memory before any stream (the idle gateway), with the streams
//             open and idle for IDLE_SECONDS, and at the end of the fan-out: per connection = the
//             growth over the idle gateway / CONNECTIONS;
//   fan-out   RATE wallet funds-released events per second for BENCH_DURATION seconds, published on
//             JetStream as wallet-claims would (no service but the gateway consumes that type), each
//             to one of the users in turn: delivery p50/p99 from publish to receipt at the client;
//             baseline: the same events received by a plain NATS subscription in this process
//             (what NATS alone takes);
//   exactly:  every event reached each of its owner's streams once and no other stream (missing,
//             extra and duplicate receipts; any fails the run), and no stream ended early.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { newPatient } from './booking-contention.mjs';
import { say, sleep } from './lib.mjs';
import { appProcesses } from './process-control.mjs';
import { compiled } from './settings.mjs';

/** @type {typeof import('../../libs/contracts/src/wallet/wallet.events')} */
const { WalletEvents } = await compiled('dist/libs/contracts/src/wallet/wallet.events.js');

const CONNECTIONS = Number(process.env.BENCH_STREAM_CONNECTIONS ?? 2000);
const PER_USER = 5; // the gateway's STREAM_MAX_CONNECTIONS_PER_USER default
const USERS = Math.ceil(CONNECTIONS / PER_USER);
const RATE = 100; // events per second
const SETUP_BATCH = 8; // users registered at once (argon2 on each registration and login)
const CONNECT_BATCH = 100; // streams opened at once
const IDLE_SECONDS = 5;
const DRAIN_MS = 5_000; // after the last publish, how long late receipts are awaited

const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);
/** The user id (`sub`) of an access token. */
const subOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

/** The gateway's resident memory now, in MB (null when its process is not found). */
function gatewayRssMb(runnerPid) {
  const p = appProcesses(runnerPid).find((x) => x.name === 'gateway');
  return p ? round1(p.rssKb / 1024) : null;
}

/**
 * One stream of `user`, over node:http (no pooling): resolves once `ready` came; calls
 * onEvent(data, at) for each domain event; `ended` turns true when the server closes it.
 */
function openStream(gatewayUrl, user, onEvent) {
  return new Promise((resolve, reject) => {
    const conn = {
      user,
      ended: false,
      /** @type {Set<string>} envelope ids received */
      got: new Set(),
      /** @type {string[]} */
      control: [],
      close: () => req.destroy(),
    };
    const req = http.get(
      `${gatewayUrl}/v1/stream`,
      { agent: false, headers: { authorization: `Bearer ${user.token}`, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (b) => (body += b));
          res.on('end', () => reject(new Error(`stream: HTTP ${res.statusCode} ${body}`)));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk) => {
          const at = performance.now();
          buffer += chunk;
          for (let end; (end = buffer.indexOf('\n\n')) >= 0; buffer = buffer.slice(end + 2)) {
            const block = buffer.slice(0, end);
            let event = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data += line.slice(5).trim();
            }
            if (!data) continue;
            if (event === 'message') onEvent(conn, JSON.parse(data), at);
            else {
              conn.control.push(event);
              if (event === 'ready') resolve(conn);
            }
          }
        });
        res.on('close', () => (conn.ended = true));
        res.on('error', () => (conn.ended = true));
      },
    );
    req.on('error', (err) => {
      conn.ended = true;
      reject(err);
    });
  });
}

/** The part: users and streams, memory idle, fan-out with its baseline, then the audit. */
export async function streamBench({ gatewayUrl, natsUrl, runnerPid }) {
  const problems = [];
  const run = `stream${Date.now().toString(36)}`;
  say(`stream: registering ${USERS} patients (${PER_USER} streams each, ${CONNECTIONS} in all)...`);
  /** @type {{ index: number, token: string, userId: string }[]} */
  const users = [];
  const setupStart = performance.now();
  for (let i = 0; i < USERS; i += SETUP_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(SETUP_BATCH, USERS - i) }, (_, k) => newPatient(gatewayUrl, i + k, run)),
    );
    batch.forEach((token, k) => users.push({ index: i + k, token, userId: subOf(token) }));
  }
  say(`  ${USERS} patients in ${round1((performance.now() - setupStart) / 1000)}s`);

  await sleep(2_000); // let the registrations' own work settle before the idle reading
  const rssIdleGateway = gatewayRssMb(runnerPid);

  // What each stream received: envelope id -> receipt count, per connection.
  /** @type {Map<string, { at: number, owner: number }>} */
  const published = new Map();
  const latencies = [];
  let extra = 0;
  let duplicates = 0;
  let unknown = 0;
  /** @param {any} conn @param {any} data @param {number} at */
  const onEvent = (conn, data, at) => {
    const p = published.get(data.id);
    if (!p) return void unknown++; // not one of ours (e.g. the wallet opened at registration)
    if (p.owner !== conn.user.index) return void extra++;
    if (conn.got.has(data.id)) return void duplicates++;
    conn.got.add(data.id);
    latencies.push(at - p.at);
  };

  say(`stream: opening ${CONNECTIONS} streams (${CONNECT_BATCH} at a time), each until its ready...`);
  const conns = [];
  const connectStart = performance.now();
  for (let i = 0; i < CONNECTIONS; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, CONNECTIONS - i) }, (_, k) =>
        openStream(gatewayUrl, users[Math.floor((i + k) / PER_USER)], onEvent),
      ),
    );
    conns.push(...batch);
  }
  const connectSec = round1((performance.now() - connectStart) / 1000);
  say(`  ${conns.length} streams open in ${connectSec}s; idle for ${IDLE_SECONDS}s...`);
  await sleep(IDLE_SECONDS * 1000);
  const rssIdleStreams = gatewayRssMb(runnerPid);

  const nc = await connect({ servers: natsUrl, name: `bench-stream-${process.pid}` });
  const js = nc.jetstream();
  const contract = WalletEvents.fundsReleased;
  // Baseline: NATS alone, publish -> a plain subscription in this process, same events, same time.
  const natsLatencies = [];
  const sub = nc.subscribe(contract.subject, {
    callback: (_err, msg) => {
      const at = performance.now();
      const p = published.get(JSON.parse(new TextDecoder().decode(msg.data)).id);
      if (p) natsLatencies.push(at - p.at);
    },
  });
  await nc.flush();

  const DURATION = Number(process.env.BENCH_DURATION ?? 10);
  const total = RATE * DURATION;
  say(
    `stream: ${total} ${contract.type} events at ${RATE}/s for ${DURATION}s, each to one patient's ${PER_USER} streams...`,
  );
  const acks = [];
  const fanStart = performance.now();
  for (let k = 0; k < total; k++) {
    const due = fanStart + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const user = users[k % USERS];
    const id = randomUUID();
    const walletId = randomUUID();
    const envelope = {
      id,
      type: contract.type,
      occurredAt: new Date().toISOString(),
      producer: contract.producer,
      correlationId: randomUUID(),
      aggregateId: walletId,
      payload: {
        walletId,
        userId: user.userId,
        entryId: randomUUID(),
        seq: k + 1,
        type: 'HOLD',
        status: 'SUCCESS',
        amount: { amountMinor: 100, currency: 'NGN' },
        reference: `bench-${run}-${k}`,
        title: 'Bench hold released',
        balanceAfter: { amountMinor: 100, currency: 'NGN' },
        heldAfter: { amountMinor: 0, currency: 'NGN' },
        appointmentId: null,
        paymentId: null,
      },
    };
    published.set(id, { at: performance.now(), owner: user.index });
    acks.push(js.publish(contract.subject, Buffer.from(JSON.stringify(envelope)), { msgID: id }));
  }
  const publishSec = round1((performance.now() - fanStart) / 1000);
  const rejected = (await Promise.allSettled(acks)).filter((a) => a.status === 'rejected').length;
  const expected = total * PER_USER;
  const deadline = performance.now() + DRAIN_MS;
  while (latencies.length < expected && performance.now() < deadline) await sleep(100);
  const rssFanOut = gatewayRssMb(runnerPid);
  sub.unsubscribe();
  await nc.close();

  const ended = conns.filter((c) => c.ended).length;
  const dropped = conns.flatMap((c) => c.control.filter((e) => e !== 'ready'));
  for (const c of conns) c.close();
  const delivered = latencies.length;
  latencies.sort((a, b) => a - b);
  natsLatencies.sort((a, b) => a - b);
  const perConnKb = (mb) =>
    mb == null || rssIdleGateway == null ? null : round1(((mb - rssIdleGateway) * 1024) / CONNECTIONS);
  const result = {
    connections: CONNECTIONS,
    users: USERS,
    perUser: PER_USER,
    connectSec,
    events: total,
    ratePerSec: RATE,
    publishSec,
    publishRejected: rejected,
    delivery: {
      expected,
      delivered,
      missing: expected - delivered,
      extra,
      duplicates,
      p50Ms: round1(percentile(latencies, 0.5)),
      p99Ms: round1(percentile(latencies, 0.99)),
      maxMs: round1(latencies.at(-1)),
    },
    baseline: {
      received: natsLatencies.length,
      p50Ms: round1(percentile(natsLatencies, 0.5)),
      p99Ms: round1(percentile(natsLatencies, 0.99)),
    },
    memory: {
      idleGatewayMb: rssIdleGateway,
      idleStreamsMb: rssIdleStreams,
      fanOutMb: rssFanOut,
      perConnectionIdleKb: perConnKb(rssIdleStreams),
      perConnectionFanOutKb: perConnKb(rssFanOut),
    },
    streamsEnded: ended,
    controlMessages: dropped,
    unknownEvents: unknown,
    problems,
  };
  const d = result.delivery;
  say(
    `  ${d.delivered}/${d.expected} deliveries, p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, max ${d.maxMs} ms ` +
      `(NATS alone: p50 ${result.baseline.p50Ms} ms, p99 ${result.baseline.p99Ms} ms); missing ${d.missing}, extra ${extra}, duplicates ${duplicates}`,
  );
  const m = result.memory;
  say(
    `  gateway RSS: ${m.idleGatewayMb} MB idle, ${m.idleStreamsMb} MB with ${CONNECTIONS} idle streams ` +
      `(${m.perConnectionIdleKb} KB each), ${m.fanOutMb} MB after the fan-out (${m.perConnectionFanOutKb} KB each)`,
  );
  if (rejected) problems.push(`stream: ${rejected} of ${total} publishes rejected by JetStream`);
  if (d.missing) problems.push(`stream: ${d.missing} of ${expected} deliveries missing`);
  if (extra) problems.push(`stream: ${extra} event(s) delivered to a stream of another user`);
  if (duplicates) problems.push(`stream: ${duplicates} event(s) delivered twice to one stream`);
  if (ended || dropped.length)
    problems.push(`stream: ${ended} stream(s) ended during the run; control messages ${JSON.stringify(dropped)}`);
  return result;
}
