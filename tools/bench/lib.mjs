import { performance } from 'node:perf_hooks';
// Helpers the bench's parts share: its log line, JSON requests to the platform, sleeping, the NATS
// clients that are not ours, and dropping the bench's databases.
import mongoose from 'mongoose';

/** @param {string} msg */
export const say = (msg) => process.stdout.write(`[bench] ${msg}\n`);
/**
 * A JSON request to the platform: { status, body } (body parsed when it is JSON).
 * @param {string} base @param {string} method @param {string} path @param {unknown} [body]
 * @param {string} [token] @param {Record<string, string>} [extraHeaders]
 * @returns {Promise<{ status: number, body: any }>}
 */
export async function call(base, method, path, body, token, extraHeaders = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json', ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  /** @type {any} */
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Clients of the same NATS that are not ours, from its monitoring endpoint: `rpc` are services of
 * another platform (`<service>-rpc-<pid>`): they share our services' queue groups, so they answer
 * part of our requests; `other` are other apps' connections (`<app>-<pid>`, e.g. a test run).
 * Null when the monitor does not answer.
 * @param {number | undefined} monitorPort @param {string[]} apps @param {number[]} ourPids
 * @returns {Promise<{ rpc: string[], other: string[] } | null>}
 */
export async function foreignNatsClients(monitorPort, apps, ourPids) {
  try {
    const res = await fetch(`http://127.0.0.1:${monitorPort}/connz?limit=4096`, { signal: AbortSignal.timeout(2000) });
    const { connections = [] } = /** @type {{ connections?: { name?: string }[] }} */ (await res.json());
    const pattern = new RegExp(`^(${apps.join('|')})(-rpc)?-(\\d+)$`);
    const foreign = connections.flatMap((c) => {
      const m = c.name?.match(pattern);
      return m && !ourPids.includes(Number(m[3])) ? [m] : [];
    });
    const names = (/** @type {RegExpMatchArray[]} */ list) => [...new Set(list.map((m) => m[0]))];
    return { rpc: names(foreign.filter((m) => m[2])), other: names(foreign.filter((m) => !m[2])) };
  } catch {
    return null;
  }
}

/** Drops every database whose name starts with `${prefix}_`; returns the names dropped. */
export async function dropDatabases(mongoUri, prefix) {
  const client = await mongoose.mongo.MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 5000 });
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const names = databases.map((d) => d.name).filter((n) => n.startsWith(`${prefix}_`));
    for (const name of names) await client.db(name).dropDatabase();
    return names;
  } finally {
    await client.close();
  }
}

const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
export const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);

/**
 * `request(client, i)` in a closed loop by `clients` clients for `seconds`: 2xx per second,
 * every status seen, and latency percentiles.
 * @param {number} seconds
 * @param {number} clients
 * @param {(client: number, i: number) => Promise<{ status: number }>} request
 */
export async function closedLoop(seconds, clients, request) {
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const { status } = await request(c, i).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [s, k]) => n + (s.startsWith('2') ? k : 0), 0);
  return {
    perSec: round1(ok / seconds),
    requests: latencies.length,
    ok,
    statuses,
    p50Ms: round1(percentile(latencies, 0.5)),
    p99Ms: round1(percentile(latencies, 0.99)),
  };
}
