// Measuring: load runs under autocannon with the CPU every process used, the scenarios' aims,
// and each app's resident memory.
import os from 'node:os';
import autocannon from 'autocannon';
import { foreignNatsClients, say } from './lib.mjs';
import { appProcesses, cpuSeconds, machineBusySeconds } from './process-control.mjs';
import { fmt, pct } from './report.mjs';
import { APPS, CONNECTIONS, DURATION, MEMORY_AIM_MB, WARMUP } from './settings.mjs';
import { state } from './state.mjs';

/**
 * One autocannon run; resolves with its result object.
 * @param {{ url: string, method?: string, headers?: Record<string, string>, body?: unknown, connections: number, durationSec: number }} options
 */
export function load({ url, method = 'GET', headers, body, connections, durationSec }) {
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  const allHeaders = {
    ...(payload && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
    ...headers,
  };
  return autocannon({
    url,
    method: /** @type {autocannon.Request['method']} */ (method),
    headers: allHeaders,
    body: payload,
    connections,
    duration: durationSec,
  });
}

/** @param {{ minRatio?: number, maxP99Ms?: number }} aims @param {any} r */
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

/**
 * CPU each process used during `fn`, in cores (CPU seconds / wall seconds).
 * @template T
 * @param {Record<string, number>} pids
 * @param {() => Promise<T>} fn
 */
async function withCpu(pids, fn) {
  const before = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const machine = machineBusySeconds();
  const self = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const selfUsed = process.cpuUsage(self);
  const total = (machineBusySeconds() - machine) / wall;
  /** @type {Record<string, number>} */
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

/** The platform runner's pid (set once the platform has started). */
const runnerPid = () => /** @type {number} */ (state.platform?.pid);

/** The NATS clients that are not this platform's (see foreignNatsClients). */
export const foreignClients = () =>
  foreignNatsClients(state.infra?.monitorPort, APPS, [...appProcesses(runnerPid()).map((p) => p.pid)]);

/**
 * One scenario: warm-up, then DURATION seconds under load; its figures go to state.results.
 * @param {any} scenario one of tools/bench/scenarios/
 * @param {ReturnType<typeof makeContext>} ctx
 */
export async function measure(scenario, ctx) {
  say(`measuring ${scenario.title} (${DURATION}s)...`);
  const target = await scenario.setup(ctx);
  const opts = { ...target, connections: CONNECTIONS };
  await load({ ...opts, durationSec: WARMUP }); // warm-up: JIT, connection pools, caches; not reported
  const pids = {
    ceiling: /** @type {number} */ (state.ceiling?.pid),
    ...Object.fromEntries(appProcesses(runnerPid()).map((p) => [p.name, p.pid])),
    ...(state.infra?.processes ?? {}),
  };
  const { value: r, cores, machineCores } = await withCpu(pids, () => load({ ...opts, durationSec: DURATION }));
  const ceilingRps = state.results.find((x) => x.ceiling)?.requestsPerSec;
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
    statusCodes: Object.fromEntries(
      Object.entries(/** @type {Record<string, { count: number }>} */ (r.statusCodeStats)).map(([code, s]) => [
        code,
        s.count,
      ]),
    ),
    machineBusyCores: Math.round(machineCores * 100) / 100,
    cpuCores: Object.fromEntries(Object.entries(cores).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    /** @type {Awaited<ReturnType<typeof foreignNatsClients>>} */
    foreignNatsClients: null,
    /** @type {ReturnType<typeof evaluateAims>} */
    aims: [],
  };
  result.foreignNatsClients = await foreignClients();
  result.aims = evaluateAims(scenario.aims ?? {}, result);
  state.results.push(result);

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
    state.failures.push(
      `${scenario.title}: ${result.non2xx} non-2xx response(s) (status codes ${JSON.stringify(result.statusCodes)})`,
    );
  if (result.errors > 0 || result.timeouts > 0)
    state.failures.push(`${scenario.title}: ${result.errors} error(s), ${result.timeouts} timeout(s)`);
}

/**
 * What a scenario's setup gets: the two servers' URLs and logins (cached per email).
 * @param {string} ceilingUrl @param {string} gatewayUrl
 */
export function makeContext(ceilingUrl, gatewayUrl) {
  /** @type {Map<string, string>} */
  const tokens = new Map();
  return {
    ceilingUrl,
    gatewayUrl,
    /** @param {string} email @param {string} password */
    async login(email, password) {
      if (!tokens.has(email)) {
        const res = await fetch(`${gatewayUrl}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        const body = /** @type {{ accessToken?: string }} */ (await res.json().catch(() => ({})));
        if (!res.ok || !body.accessToken)
          throw new Error(`login as ${email} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
        tokens.set(email, body.accessToken);
      }
      return tokens.get(email);
    },
  };
}

/**
 * Each app's resident memory now; an app with no process is a failure when `report`.
 * @param {boolean} [report]
 */
export function readMemory(report = true) {
  const procs = appProcesses(runnerPid());
  const missing = APPS.filter((a) => !procs.some((p) => p.name === a));
  if (missing.length && report)
    state.failures.push(`no process found for ${missing.join(', ')} under the platform runner (pid ${runnerPid()})`);
  return APPS.filter((a) => !missing.includes(a)).map((app) => {
    const p = /** @type {(typeof procs)[number]} */ (procs.find((x) => x.name === app));
    const rssMb = Math.round((p.rssKb / 1024) * 10) / 10;
    return {
      app,
      pid: p.pid,
      rssMb,
      aimMb: MEMORY_AIM_MB,
      pass: rssMb < MEMORY_AIM_MB,
      /** @type {number | null} */
      rssAtStartMb: null,
    };
  });
}
