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
