// The bench's own NATS (JetStream), Redis and database, as the e2e run has (apps/e2e/src/support/private-infra.ts):
// the platform under measurement never shares a durable consumer, a stream backlog, a queue group,
// a rate-limit key or a database server with `npm start` or an earlier bench on this machine. (A
// new durable consumer on the shared NATS would first replay every event of earlier runs.) The
// database is an in-memory mongo-java-server, unless MONGO_URI names one of yours.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startMongoWire } from '../infra/mongo-wire/mongo-wire.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function waitForPort(port, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`${what} did not open port ${port}; is it installed (npm run infra:up)?`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts nats-server (with monitoring), redis-server and the database on free ports; returns their URLs and pids. */
export async function startPrivateInfra(dir) {
  mkdirSync(path.join(dir, 'nats'), { recursive: true });
  const [natsPort, monitorPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const log = openSync(path.join(dir, 'infra.log'), 'a');
  const start = (cmd, args) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    return child;
  };
  const nats = start('nats-server', [
    '-a',
    '127.0.0.1',
    '-p',
    String(natsPort),
    '-m',
    String(monitorPort),
    '-js',
    '-sd',
    path.join(dir, 'nats'),
  ]);
  const redis = start('redis-server', [
    '--bind',
    '127.0.0.1',
    '--port',
    String(redisPort),
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  const mongo = process.env.MONGO_URI
    ? { uri: process.env.MONGO_URI, pid: null }
    : await startMongoWire({ logFile: path.join(dir, 'mongo.log') });
  await Promise.all([waitForPort(natsPort, 'nats-server'), waitForPort(redisPort, 'redis-server')]);
  // By name, for the bench's CPU accounting; a MongoDB of yours is not ours to measure or stop.
  const processes = { nats: nats.pid, redis: redis.pid, ...(mongo.pid ? { 'mongo-java-server': mongo.pid } : {}) };
  return {
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    mongoUri: mongo.uri,
    monitorPort,
    processes,
    pids: Object.values(processes),
  };
}

export function stopPrivateInfra(infra) {
  for (const pid of infra?.pids ?? []) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
