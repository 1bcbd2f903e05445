// The private infrastructure of one test or bench run: a NATS (JetStream, with its monitoring
// port), a Redis and, unless MONGO_URI names a database of yours, an in-memory mongo-java-server,
// each on a free loopback port, so the platform under test or measurement never shares a queue
// group, a durable consumer, a stream backlog, a rate-limit key or a database server with
// `npm start` or another run on this machine. (A new durable consumer on a shared NATS would first
// replay every event of earlier runs.) Used by the e2e global setup and, compiled to dist/ by
// `node tools/build.mjs`, by the bench (tools/bench/run.mjs), so it imports node built-ins and
// @telehealth/contracts only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVICES } from '@telehealth/contracts';

/** A free loopback port (asked of the OS, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
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

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Every port a platform on port base `base` listens on: the gateway's, then each service's probes. */
export const platformPorts = (base: number): number[] => SERVICES.map((s) => base + s.portOffset);

/** The file that says which process holds a port base (free ports alone race: two runs see them free at once). */
const portLockOf = (base: number): string => path.join(os.tmpdir(), `telehealth-port-base-${base}.lock`);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Claims the base for this process (an exclusive create); a lock left by a dead process is taken over. */
function claimPortBase(base: number): boolean {
  const lock = portLockOf(base);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder && alive(holder)) return false;
      rmSync(lock, { force: true });
    }
  }
  return false;
}

/**
 * A port base for the platform (see the table of services) whose ports are all free and that no
 * other test run on this machine holds, so two runs never collide (release it with
 * {@link releasePortBase}; a run that died leaves a lock the next one takes over).
 */
export async function freePortBase(candidates: number[]): Promise<number> {
  for (const base of candidates) {
    if (!(await Promise.all(platformPorts(base).map(isFree))).every(Boolean)) continue;
    if (claimPortBase(base)) return base;
  }
  throw new Error(`no free port block among ${candidates.join(', ')}`);
}

/** Gives the base back, if this process holds it. */
export function releasePortBase(base: number): void {
  const lock = portLockOf(base);
  try {
    if (Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
  } catch {
    // Not held.
  }
}

export interface PrivateInfra {
  natsUrl: string;
  redisUrl: string;
  /** The run's own in-memory database, or MONGO_URI when that was given. */
  mongoUri: string;
  /** NATS's monitoring port (/connz, /jsz). */
  monitorPort: number;
  /** The processes this run started, by name (a MongoDB of yours is not among them). */
  processes: Record<string, number>;
}

interface MongoWire {
  startMongoWire(options: { logFile: string }): Promise<{ uri: string; pid: number }>;
}

/** The workspace root (where nx.json is), from src/ under Jest or dist/ under the bench. */
function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no nx.json above ${__dirname}`);
  }
}

// TypeScript compiles import() to require() for CommonJS output; mongo-wire.mjs is an ES module.
// (Not callable inside a Jest test's sandbox, only from global setup or plain Node.)
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** Starts the run's NATS, Redis and (without MONGO_URI) database; logs and NATS's store go to `dir`. */
export async function startPrivateInfra(dir: string): Promise<PrivateInfra> {
  mkdirSync(path.join(dir, 'nats'), { recursive: true });
  const [natsPort, monitorPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const log = openSync(path.join(dir, 'infra.log'), 'a');
  const start = (cmd: string, args: string[]): ChildProcess => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    return child;
  };
  const nats = start('nats-server', [
    ...['-a', '127.0.0.1', '-p', String(natsPort), '-m', String(monitorPort)],
    ...['-js', '-sd', path.join(dir, 'nats')],
  ]);
  const redis = start('redis-server', [
    ...['--bind', '127.0.0.1', '--port', String(redisPort)],
    ...['--save', '', '--appendonly', 'no'],
  ]);
  const processes: Record<string, number> = { nats: nats.pid!, redis: redis.pid! };
  let mongoUri = process.env.MONGO_URI;
  try {
    if (!mongoUri) {
      const wire = path.join(workspaceRoot(), 'tools/infra/mongo-wire/mongo-wire.mjs');
      const { startMongoWire } = (await importModule(pathToFileURL(wire).href)) as MongoWire;
      const mongo = await startMongoWire({ logFile: path.join(dir, 'mongo.log') });
      processes['mongo-java-server'] = mongo.pid;
      mongoUri = mongo.uri;
    }
    await Promise.all([waitForPort(natsPort, 'nats-server'), waitForPort(redisPort, 'redis-server')]);
  } catch (err) {
    stopPrivateInfra({ processes });
    throw err;
  }
  return {
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    mongoUri,
    monitorPort,
    processes,
  };
}

/** Stops what startPrivateInfra started (by pid: never another run's servers). */
export function stopPrivateInfra(infra: Pick<PrivateInfra, 'processes'> | null | undefined): void {
  for (const pid of Object.values(infra?.processes ?? {})) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
