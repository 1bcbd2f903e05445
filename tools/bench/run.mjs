#!/usr/bin/env node
// Throughput benchmark of the platform against this machine's ceiling, in one run:
//   0. the slot-expansion micro-benchmark (tools/bench/micro/slot-expansion.mjs, child process);
//   1. a bare Fastify server (child process) answering a constant: the ceiling;
//   2. the whole platform (tools/run/platform.mjs, port base 3500, fresh bench databases, demo data);
//   3. each scenario of tools/bench/scenarios/ under autocannon (64 connections, 2 s warm-up, then
//      BENCH_DURATION seconds, default 10): requests/s, p50/p99, share of the ceiling, aims;
//   4. idle resident memory of every app after the load;
//   5. the wallet (step 6 below, run before the race so its figures are not loaded by the race's emails);
//      booking under contention (tools/bench/booking-contention.mjs): 500 clients race for 50 seats,
//      then the scheduling database is checked for double bookings (any makes the run fail);
//   6. the wallet (tools/bench/wallet-ledger.mjs): ledger postings/s on one hot wallet and over
//      1,000 wallets with a read-only baseline, the booking-and-payment saga, then reconciliation;
//   7. notifications (tools/bench/notifications.mjs): events -> emails received by the bench's SMTP
//      sink (emails/s, p99 publish -> receipt), and BullMQ jobs/s of one worker: no-op jobs (the
//      baseline) against the service's real email jobs;
//   8. stops everything, drops the bench databases, writes .infra/bench-results/<ts>.json.
// Exits non-zero when a run had non-2xx responses or errors, or something failed to start;
// a missed aim is reported (MISS) but does not fail the run.
//
//   npm run bench                       (infra up + build + this)
//   BENCH_DURATION=30 node tools/bench/run.mjs
//   BENCH_ONLY=wallet,notifications npm run bench   (parts: micro, http, wallet, booking, notifications)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from './scenarios/index.mjs';
import { bookingContention } from './booking-contention.mjs';
import { walletLedger } from './wallet-ledger.mjs';
import { startPrivateInfra, stopPrivateInfra } from './private-infra.mjs';
import { notificationsBench, startBenchSmtp } from './notifications.mjs';
import {
  appProcesses,
  cpuSeconds,
  machineBusySeconds,
  dropDatabases,
  foreignNatsClients,
  load,
  onLines,
  portFree,
  say,
  sleep,
  spawnGroup,
  stopGroup,
  table,
  waitForLine,
} from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PARTS = ['micro', 'http', 'wallet', 'booking', 'notifications'];
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/** Whether this run measures `name` (every part unless BENCH_ONLY lists some). */
const part = (name) => ONLY.length === 0 || ONLY.includes(name);
const WARMUP = 2;
const CONNECTIONS = 64;
const PORT_BASE = 3500;
const IDLE_WAIT_MS = 5000;
const MEMORY_AIM_MB = 150;
/** A MongoDB of yours to measure on, instead of the run's own in-memory mongo-java-server. */
const GIVEN_MONGO_URI = process.env.MONGO_URI;
/** The bench's own NATS monitor (set once its private NATS is up). */
let NATS_MONITOR_PORT = null;
const APPS = ['gateway', 'identity', 'scheduling', 'teleconsultation', 'wallet-claims', 'aftercare', 'notifications'];

if (!Number.isFinite(DURATION) || DURATION < 1) {
  say(`BENCH_DURATION must be a number of seconds >= 1 (got ${JSON.stringify(process.env.BENCH_DURATION)})`);
  process.exit(2);
}
const unknownParts = ONLY.filter((p) => !PARTS.includes(p));
if (unknownParts.length) {
  say(`BENCH_ONLY lists unknown part(s) ${unknownParts.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}

const now = new Date();
const ts = now.toISOString().replace(/\D/g, '').slice(0, 14); // YYYYMMDDhhmmss (UTC)
const dbPrefix = `bench${ts}`;
const logDir = path.join(ROOT, '.infra/bench-logs', ts);
const resultsFile = path.join(ROOT, '.infra/bench-results', `${ts}.json`);
const rel = (p) => path.relative(ROOT, p);

const failures = [];
const restarts = [];
const results = [];
let memory = [];
let memoryAtStart = [];
let booking = null;
let wallet = null;
let infra = null;
let notifications = null;
let smtp = null;
let ceiling = null;
let platform = null;

// ---------------------------------------------------------------- stopping, whatever happens

let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const [what, child] of [
      ['platform', platform],
      ['ceiling server', ceiling],
    ]) {
      if (!child) continue;
      const how = await stopGroup(child);
      if (how !== 'already stopped') say(`${what} ${how}`);
    }
    await smtp?.close();
    // A MongoDB of yours (MONGO_URI) keeps no bench data; our own in-memory one just stops.
    if (GIVEN_MONGO_URI)
      try {
        const dropped = await dropDatabases(GIVEN_MONGO_URI, dbPrefix);
        say(`dropped ${dropped.length} bench database(s) (${dbPrefix}_*)`);
      } catch (err) {
        failures.push(`could not drop the bench databases ${dbPrefix}_*: ${err.message}`);
      }
    stopPrivateInfra(infra);
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    say(`${signal}: stopping everything...`);
    void cleanup().then(() => process.exit(130));
  });
}
process.on('exit', () => {
  // Last resort if we die without cleanup(): never leave process groups behind.
  for (const child of [platform, ceiling]) {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

// ---------------------------------------------------------------- the two servers under test

async function startCeiling() {
  say('starting the ceiling server (bare Fastify, constant JSON)...');
  ceiling = spawnGroup([path.join(ROOT, 'tools/bench/ceiling-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', BENCH_IDENTITY_DB: `${dbPrefix}_identity` },
  });
  const port = await waitForLine(ceiling, {
    what: 'ceiling server',
    timeoutMs: 15_000,
    match: (line) => {
      try {
        return JSON.parse(line).port;
      } catch {
        return null;
      }
    },
  });
  ceiling.stdout.resume();
  ceiling.stderr.on('data', (b) => process.stderr.write(`[ceiling] ${b}`));
  say(`ceiling server on :${port} (pid ${ceiling.pid})`);
  return `http://127.0.0.1:${port}`;
}

async function startPlatform() {
  const busy = [];
  for (const port of [PORT_BASE, ...APPS.slice(1).map((_, i) => PORT_BASE + 101 + i)])
    if (!(await portFree(port))) busy.push(port);
  if (busy.length)
    throw new Error(
      `port(s) ${busy.join(', ')} already in use: is another platform running on port base ${PORT_BASE}?`,
    );

  say(`starting the platform (port base ${PORT_BASE}, databases ${dbPrefix}_*, logs ${rel(logDir)})...`);
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_AUTH_MAX: '1000000',
    RATE_LIMIT_USER_MAX: '100000000',
    // Emails go to the bench's own SMTP sink; no per-second cap, so the pipeline itself is measured.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_RATE_PER_SECOND: '100000',
  };
  platform = spawnGroup(
    [
      'tools/run/platform.mjs',
      '--port-base',
      String(PORT_BASE),
      '--db-prefix',
      dbPrefix,
      '--log-dir',
      logDir,
      '--demo',
    ],
    { cwd: ROOT, env },
  );
  onLines(platform, (line, stream) => {
    if (stream === 'stderr') return line.trim() && process.stdout.write(`[platform:stderr] ${line}\n`);
    if (!line.startsWith('[platform]')) return; // the banner under "ready" (URLs, demo logins)
    process.stdout.write(`${line}\n`);
    if (/ exited \(/.test(line)) restarts.push(line.replace('[platform] ', ''));
  });
  await waitForLine(platform, {
    what: 'platform',
    timeoutMs: 120_000,
    match: (line) => line.startsWith('[platform] ready'),
    fail: (line) => line.includes('not ready after'),
  });
  return `http://127.0.0.1:${PORT_BASE}`;
}

// ---------------------------------------------------------------- measuring

const fmt = (n, digits = 0) =>
  n == null || Number.isNaN(n)
    ? '-'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (r) => (r == null ? '-' : `${(r * 100).toFixed(1)}%`);

function evaluateAims(aims, r) {
  const out = [];
  if (aims.minRatio != null)
    out.push({
      aim: `req/s >= ${aims.minRatio * 100}% of ceiling`,
      actual: pct(r.ratio),
      pass: r.ratio != null && r.ratio >= aims.minRatio,
    });
  if (aims.maxP99Ms != null)
    out.push({ aim: `p99 < ${aims.maxP99Ms} ms`, actual: `${r.p99Ms} ms`, pass: r.p99Ms < aims.maxP99Ms });
  return out;
}

/** This run's own infrastructure processes, for CPU accounting. */
const infraPids = () => infra?.processes ?? {};

/** CPU each process used during `fn`, in cores (CPU seconds / wall seconds). */
async function withCpu(pids, fn) {
  const before = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const machine = machineBusySeconds();
  const self = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const selfUsed = process.cpuUsage(self);
  const total = (machineBusySeconds() - machine) / wall;
  const cores = { 'bench (autocannon)': (selfUsed.user + selfUsed.system) / 1e6 / wall };
  for (const [name, pid] of Object.entries(pids)) {
    const a = before.get(name);
    const b = cpuSeconds(pid);
    if (a != null && b != null) cores[name] = (b - a) / wall;
  }
  // Everything else on the machine (other jobs, the kernel): if large, the figures are disturbed.
  cores.other = Math.max(0, total - Object.values(cores).reduce((a, b) => a + b, 0));
  return { value, cores, machineCores: total };
}

async function measure(scenario, ctx) {
  say(`measuring ${scenario.title} (${DURATION}s)...`);
  const target = await scenario.setup(ctx);
  const opts = { ...target, connections: CONNECTIONS };
  await load({ ...opts, durationSec: WARMUP }); // warm-up: JIT, connection pools, caches; not reported
  const pids = {
    ceiling: ceiling.pid,
    ...Object.fromEntries(appProcesses(platform.pid).map((p) => [p.name, p.pid])),
    ...infraPids(),
  };
  const { value: r, cores, machineCores } = await withCpu(pids, () => load({ ...opts, durationSec: DURATION }));
  const ceilingRps = results.find((x) => x.ceiling)?.requestsPerSec;
  const result = {
    name: scenario.name,
    title: scenario.title,
    ceiling: !!scenario.ceiling,
    method: target.method ?? 'GET',
    url: target.url,
    durationSec: DURATION,
    connections: CONNECTIONS,
    requestsPerSec: r.requests.mean,
    requestsTotal: r.requests.total,
    latencyMeanMs: r.latency.mean,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    ratio: scenario.ceiling ? 1 : ceilingRps ? r.requests.mean / ceilingRps : null,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
    machineBusyCores: Math.round(machineCores * 100) / 100,
    cpuCores: Object.fromEntries(Object.entries(cores).map(([k, v]) => [k, Math.round(v * 100) / 100])),
  };
  result.foreignNatsClients = await foreignNatsClients(NATS_MONITOR_PORT, APPS, [
    ...appProcesses(platform.pid).map((p) => p.pid),
  ]);
  result.aims = evaluateAims(scenario.aims ?? {}, result);
  results.push(result);

  const aims = result.aims.map((a) => `${a.aim}: ${a.actual} ${a.pass ? 'PASS' : 'MISS'}`).join('; ');
  say(
    `  ${fmt(result.requestsPerSec)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${pct(result.ratio)} of ceiling, ` +
      `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}${aims ? ` | aims: ${aims}` : ''}`,
  );
  const busy = Object.entries(result.cpuCores)
    .filter(([, v]) => v >= 0.02)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(2)}`);
  say(`  cpu (cores of ${os.cpus().length}, machine busy ${result.machineBusyCores.toFixed(2)}): ${busy.join(', ')}`);
  if (result.cpuCores.other >= 0.25)
    say(
      `  warning: ${result.cpuCores.other.toFixed(2)} cores went to other processes during this run: its figures are disturbed`,
    );
  const foreign = result.foreignNatsClients;
  if (foreign?.rpc.length)
    say(
      `  warning: another platform's services are on the same NATS (${foreign.rpc.join(', ')}): they share our queue groups and answered part of these requests`,
    );
  if (foreign?.other.length) say(`  note: other clients on the same NATS during this run: ${foreign.other.join(', ')}`);
  if (result.non2xx > 0)
    failures.push(
      `${scenario.title}: ${result.non2xx} non-2xx response(s) (status codes ${JSON.stringify(result.statusCodes)})`,
    );
  if (result.errors > 0 || result.timeouts > 0)
    failures.push(`${scenario.title}: ${result.errors} error(s), ${result.timeouts} timeout(s)`);
}

function makeContext(ceilingUrl, gatewayUrl) {
  const tokens = new Map();
  return {
    ceilingUrl,
    gatewayUrl,
    async login(email, password) {
      if (!tokens.has(email)) {
        const res = await fetch(`${gatewayUrl}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok || !body.accessToken)
          throw new Error(`login as ${email} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
        tokens.set(email, body.accessToken);
      }
      return tokens.get(email);
    },
  };
}

function readMemory(report = true) {
  const procs = appProcesses(platform.pid);
  const missing = APPS.filter((a) => !procs.some((p) => p.name === a));
  if (missing.length && report)
    failures.push(`no process found for ${missing.join(', ')} under the platform runner (pid ${platform.pid})`);
  return APPS.filter((a) => !missing.includes(a)).map((app) => {
    const p = procs.find((x) => x.name === app);
    const rssMb = Math.round((p.rssKb / 1024) * 10) / 10;
    return { app, pid: p.pid, rssMb, aimMb: MEMORY_AIM_MB, pass: rssMb < MEMORY_AIM_MB };
  });
}

// ---------------------------------------------------------------- the run

say(
  `${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per scenario`,
);
say('note: autocannon runs on the same machine and competes with the servers for CPU');
const [load1] = os.loadavg();
if (load1 >= 0.5) say(`warning: the machine is already busy (load average ${load1.toFixed(2)}): figures will be noisy`);
// Micro-benchmark of the slot-expansion engine (pure CPU, on a quiet machine before the servers start):
// it prints its own [bench] lines and aim; only a crash of the script counts as a failure.
if (part('micro')) {
  const micro = spawnSync(process.execPath, [path.join(ROOT, 'tools/bench/micro/slot-expansion.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (micro.status !== 0) failures.push(`slot-expansion micro-benchmark exited with ${micro.status ?? micro.signal}`);
}
try {
  // NATS, Redis and the database of this run's own (or the MongoDB in MONGO_URI, with fresh database names).
  infra = await startPrivateInfra(path.join(logDir, 'infra'));
  process.env.NATS_URL = infra.natsUrl;
  process.env.REDIS_URL = infra.redisUrl;
  process.env.MONGO_URI = infra.mongoUri;
  NATS_MONITOR_PORT = infra.monitorPort;
  say(
    `private NATS ${infra.natsUrl}, Redis ${infra.redisUrl} and database ${infra.mongoUri.replace(/\/\/[^@/]*@/, '//***@')}`,
  );
  const ceilingUrl = await startCeiling();
  smtp = await startBenchSmtp();
  const gatewayUrl = await startPlatform();
  const ctx = makeContext(ceilingUrl, gatewayUrl);
  memoryAtStart = readMemory(false); // for comparison: the footprint before any load
  for (const scenario of part('http') ? SCENARIOS : []) {
    try {
      await measure(scenario, ctx);
    } catch (err) {
      failures.push(`${scenario.title}: ${err.message}`);
      say(`  FAILED: ${err.message}`);
    }
  }
  say(`load done; waiting ${IDLE_WAIT_MS / 1000}s, then reading each app's idle resident memory...`);
  await sleep(IDLE_WAIT_MS);
  memory = readMemory();
  for (const m of memory) {
    m.rssAtStartMb = memoryAtStart.find((x) => x.app === m.app)?.rssMb ?? null;
    say(
      `  ${m.app.padEnd(16)} ${m.rssMb.toFixed(1).padStart(6)} MB (${fmt(m.rssAtStartMb, 1)} MB before the load; aim < ${MEMORY_AIM_MB} MB) ${m.pass ? 'PASS' : 'MISS'}`,
    );
  }
  // After the memory reading, so its 500 registrations do not change the idle figures above.
  // Before the booking race: its 500 registrations leave the notifications service minutes of
  // welcome and verification emails to send, which would load the database under the wallet figures.
  if (part('wallet'))
    try {
      wallet = await walletLedger({ gatewayUrl, seconds: DURATION, run: ts });
      failures.push(...wallet.problems);
    } catch (err) {
      failures.push(`wallet: ${err.message}`);
      say(`  FAILED: ${err.message}`);
    }
  if (part('booking'))
    try {
      booking = await bookingContention({ gatewayUrl, mongoUri: infra.mongoUri, dbName: `${dbPrefix}_scheduling` });
      booking.foreignNatsClients = await foreignNatsClients(NATS_MONITOR_PORT, APPS, [
        ...appProcesses(platform.pid).map((p) => p.pid),
      ]);
      if (booking.foreignNatsClients?.rpc.length)
        say(
          `  warning: another platform's services are on the same NATS (${booking.foreignNatsClients.rpc.join(', ')}): ` +
            'they answered part of the bookings from their own database, so the counts above are not this platform alone',
        );
      failures.push(...booking.problems);
    } catch (err) {
      failures.push(`booking race: ${err.message}`);
      say(`  FAILED: ${err.message}`);
    }
  if (part('notifications'))
    try {
      notifications = await notificationsBench({
        natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
        redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        mongoUri: infra.mongoUri,
        dbName: `${dbPrefix}_notifications_bench`,
        smtp,
      });
      failures.push(...notifications.problems);
    } catch (err) {
      failures.push(`notifications: ${err.message}`);
      say(`  FAILED: ${err.message}`);
    }
} catch (err) {
  failures.push(err.message);
  say(`ERROR: ${err.message}`);
}
if (restarts.length)
  failures.push(`app(s) exited during the run and were restarted: ${restarts.join('; ')} (logs in ${rel(logDir)})`);

say('stopping everything...');
await cleanup();

const report = {
  timestamp: now.toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim(),
    totalMemMb: Math.round(os.totalmem() / 1048576),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  settings: {
    durationSec: DURATION,
    warmupSec: WARMUP,
    connections: CONNECTIONS,
    portBase: PORT_BASE,
    dbPrefix,
    logDir: rel(logDir),
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_MAX: '1000000', RATE_LIMIT_USER_MAX: '100000000' },
  },
  scenarios: results,
  memory,
  bookingContention: booking,
  wallet,
  notifications,
  restarts,
  failures,
  ok: failures.length === 0,
};
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

const aimText = (r) =>
  r.ceiling ? '(ceiling)' : r.aims.length ? r.aims.map((a) => `${a.aim} ${a.pass ? 'PASS' : 'MISS'}`).join('; ') : '-';
const throughput = [
  ['scenario', 'req/s', 'p50', 'p99', 'of ceiling', 'non-2xx', 'other cpu', 'aims'],
  ...results.map((r) => [
    r.title,
    fmt(r.requestsPerSec),
    `${r.p50Ms} ms`,
    `${r.p99Ms} ms`,
    pct(r.ratio),
    String(r.non2xx),
    r.cpuCores.other.toFixed(2),
    aimText(r),
  ]),
];
const mem = [
  ['app', 'idle RSS', 'before load', 'aim', ''],
  ...memory.map((m) => [
    m.app,
    `${m.rssMb.toFixed(1)} MB`,
    `${fmt(m.rssAtStartMb, 1)} MB`,
    `< ${m.aimMb} MB`,
    m.pass ? 'PASS' : 'MISS',
  ]),
];
process.stdout.write(
  `\n=== bench ${now.toISOString()}: ${os.cpus().length} CPUs, ${CONNECTIONS} connections, ${DURATION}s per scenario ===\n\n`,
);
const race = booking && [
  ['booking race', 'seats', 'booked', 'bookings/s', 'p50', 'p99', '409s', 'DOUBLE BOOKINGS'],
  [
    `${booking.clients} clients, ${booking.patients} patients, ${booking.slots} one-seat slots`,
    String(booking.seats),
    String(booking.booked),
    fmt(booking.bookingsPerSec, 1),
    `${booking.p50Ms} ms`,
    `${booking.p99Ms} ms`,
    String(booking.conflicts409),
    String(booking.doubleBookings),
  ],
];
process.stdout.write(`${table(throughput)}\n\n${memory.length ? `${table(mem)}\n\n` : ''}`);
if (race) process.stdout.write(`${table(race)}\n\n`);
const w = wallet && [
  ['wallet (through the gateway)', 'ok/s', 'p50', 'p99', 'vs baseline'],
  ...[
    [`baseline: GET /v1/wallet (${wallet.clients} clients)`, wallet.baseline],
    [`postings on one hot wallet (${wallet.clients} clients)`, wallet.hot],
    [`postings over ${wallet.wallets} wallets (${wallet.clients} clients)`, wallet.spread],
    [`saga: booked -> fee held -> paid (${wallet.saga.ok} bookings)`, wallet.saga],
  ].map(([name, r]) => [
    name,
    fmt(r.perSec, 1),
    `${r.p50Ms} ms`,
    `${r.p99Ms} ms`,
    wallet.baseline.perSec ? `${((100 * r.perSec) / wallet.baseline.perSec).toFixed(0)}%` : '-',
  ]),
];
if (w)
  process.stdout.write(
    `${table(w)}\nreconciliation after the load: ${wallet.reconciliation.wallets} wallets, ${wallet.reconciliation.entries} entries, ${wallet.reconciliation.mismatches} mismatch(es)\n\n`,
  );
if (notifications) {
  const n = notifications;
  process.stdout.write(
    `${table([
      ['notifications', 'count', 'per second', 'p50', 'p99', 'of baseline'],
      [
        'events -> emails received (SMTP)',
        `${n.events.delivered}/${n.events.events}`,
        fmt(n.events.emailsPerSec, 1),
        `${n.events.p50Ms} ms`,
        `${n.events.p99Ms} ms`,
        '-',
      ],
      [
        `BullMQ no-op jobs, 1 worker x${n.workers.concurrency} (baseline)`,
        String(n.workers.noop.done),
        fmt(n.workers.noop.jobsPerSec, 1),
        '-',
        '-',
        '100.0%',
      ],
      [
        `BullMQ email jobs, 1 worker x${n.workers.concurrency}`,
        String(n.workers.email.done),
        fmt(n.workers.email.jobsPerSec, 1),
        '-',
        '-',
        pct(n.workers.ratio),
      ],
    ])}\n\n`,
  );
}
process.stdout.write(
  `other cpu: cores used during the measured run by processes outside the bench, the platform and its infrastructure.\n`,
);
process.stdout.write(`results: ${rel(resultsFile)}   logs: ${rel(logDir)}\n`);
if (failures.length) {
  process.stdout.write(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
  process.exit(1);
}
const misses = results.flatMap((r) => r.aims).filter((a) => !a.pass).length + memory.filter((m) => !m.pass).length;
process.stdout.write(`\nOK (${misses ? `${misses} aim(s) missed: reported, not a failure` : 'every aim met'})\n`);
process.exit(0);
