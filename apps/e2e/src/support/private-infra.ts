import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

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

/**
 * A port base for the platform (gateway on base, service probes on base+101..106) whose ports
 * are all free, so two test runs on one machine never collide.
 */
export async function freePortBase(candidates: number[]): Promise<number> {
  for (const base of candidates) {
    const ports = [base, ...[101, 102, 103, 104, 105, 106].map((d) => base + d)];
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no free port block among ${candidates.join(', ')}`);
}

export interface PrivateInfra {
  natsUrl: string;
  redisUrl: string;
  pids: number[];
}

/**
 * A NATS (JetStream) and a Redis of the test run's own, so the platform under test never shares a
 * queue group, a stream or a rate-limit key with a platform a developer is running (`npm start`)
 * or a benchmark. The MongoDB-wire database is shared: every run has its own database names.
 */
export async function startPrivateInfra(dir: string): Promise<PrivateInfra> {
  mkdirSync(path.join(dir, 'nats'), { recursive: true });
  const [natsPort, redisPort] = [await freePort(), await freePort()];
  const log = openSync(path.join(dir, 'infra.log'), 'a');
  const start = (cmd: string, args: string[]): ChildProcess => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    return child;
  };
  const nats = start('nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', path.join(dir, 'nats')]);
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
  await Promise.all([waitForPort(natsPort, 'nats-server'), waitForPort(redisPort, 'redis-server')]);
  return {
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    pids: [nats.pid!, redis.pid!],
  };
}
