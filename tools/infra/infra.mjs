#!/usr/bin/env node
// Local infrastructure for development and tests: NATS (JetStream), Redis and a MongoDB-wire
// database (mongo-java-server on an H2 file) on loopback, data under .infra/.
// `up` installs what is missing, reuses what already answers, and starts the rest.
//   up --tests   NATS and Redis, and the database engine installed but not started: every test and bench
//                run starts its own in-memory instance (tools/test/jest.mjs), dropped with the run; and
//                a headless Chromium for the tests that use a page as a person would.
// With MONGO_URI set, that database is used instead (checked, never started): a MongoDB 7 of yours.
// Production uses MongoDB 7: see docker-compose.yml and k8s/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installMongoWire, startMongoWire } from './mongo-wire/mongo-wire.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INFRA = process.env.INFRA_DIR ?? path.join(ROOT, '.infra');
const ports = {
  nats: Number(process.env.INFRA_NATS_PORT ?? 4222),
  natsMonitor: Number(process.env.INFRA_NATS_MONITOR_PORT ?? 8222),
  redis: Number(process.env.INFRA_REDIS_PORT ?? 6379),
  mongo: Number(process.env.INFRA_MONGO_PORT ?? 27017),
};
const GIVEN_MONGO_URI = process.env.MONGO_URI;
const dir = (...p) => path.join(INFRA, ...p);
const log = (msg) => process.stdout.write(`[infra] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[infra] ERROR: ${msg}\n`);
  process.exit(1);
};

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` exited with ${r.status}. ${opts.hint ?? ''}`);
}

/** Sends `probe` to a TCP port and resolves with the first bytes answered (or null). */
function ask(port, probe, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (v) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(timeoutMs, () => done(data || null));
    socket.on('error', () => done(null));
    socket.on('connect', () => (probe ? socket.write(probe) : done('open')));
    socket.on('data', (b) => {
      data += b.toString('utf8');
      if (data.includes('\n')) done(data);
    });
  });
}

/** The database's own answer to buildInfo (null when it does not answer), through the project's driver. */
async function mongoVersion(uri) {
  const { MongoClient } = createRequire(path.join(ROOT, 'package.json'))('mongoose').mongo;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    return (await client.db('admin').command({ buildInfo: 1 })).version;
  } catch {
    return null;
  } finally {
    await client.close().catch(() => {});
  }
}

const checks = {
  nats: async () => (await ask(ports.nats, null, 1000)) && (await natsJetStreamEnabled()),
  redis: async () => ((await ask(ports.redis, 'PING\r\n')) ?? '').startsWith('+PONG'),
  mongo: async () => (await ask(ports.mongo, null)) === 'open',
};

async function natsJetStreamEnabled() {
  try {
    const res = await fetch(`http://127.0.0.1:${ports.natsMonitor}/jsz`, { signal: AbortSignal.timeout(1000) });
    const body = /** @type {{ disabled?: boolean, config?: { disabled?: boolean } }} */ (await res.json());
    return !body.disabled && !body.config?.disabled;
  } catch {
    // No monitor port: the INFO line names jetstream support.
    const info = await ask(ports.nats, null);
    return info !== null;
  }
}

async function waitFor(name, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (!alive(name)) fail(`${name} exited while starting. ${diagnose(name)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${name} did not become ready within ${seconds}s; see ${dir('logs', `${name}.log`)}`);
}

/** Whether the process we started for `name` still runs. */
function alive(name) {
  try {
    process.kill(Number(readFileSync(dir('pids', `${name}.pid`), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** What to do about a component that died at start: its last error and where to read more. */
function diagnose(name) {
  const logFile = dir('logs', `${name}.log`);
  const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n') : [];
  const last = lines.filter((l) => /ERROR|FATAL|panic|error|Exception/.test(l)).at(-1) ?? lines.at(-1) ?? '(empty log)';
  return `Its last error: ${last.slice(0, 400)}\nSee ${shown(logFile)}.`;
}

/** A path as the user can paste it from here: relative when under the current directory. */
const shown = (p) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p));

function aptInstall(pkg, binary) {
  if (which(binary)) return;
  if (process.getuid?.() !== 0)
    fail(`${binary} is not installed. Run: sudo apt-get install -y ${pkg} (or use docker-compose.yml).`);
  log(`installing ${pkg} with apt-get (one time)...`);
  run('apt-get', ['update', '-qq'], { hint: 'Check network access to the Debian mirror.' });
  run('apt-get', ['install', '-y', '-qq', pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function startDetached(name, cmd, args) {
  mkdirSync(dir('logs'), { recursive: true });
  mkdirSync(dir('pids'), { recursive: true });
  const out = openSync(dir('logs', `${name}.log`), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  writeFileSync(dir('pids', `${name}.pid`), String(child.pid));
}

const components = {
  nats: {
    label: `NATS + JetStream on 127.0.0.1:${ports.nats}`,
    async start() {
      aptInstall('nats-server', 'nats-server');
      mkdirSync(dir('data', 'nats'), { recursive: true });
      startDetached('nats', 'nats-server', [
        '-a',
        '127.0.0.1',
        '-p',
        String(ports.nats),
        '-m',
        String(ports.natsMonitor),
        '-js',
        '-sd',
        dir('data', 'nats'),
      ]);
      await waitFor('nats', checks.nats, 60);
    },
  },
  redis: {
    label: `Redis on 127.0.0.1:${ports.redis}`,
    async start() {
      aptInstall('redis-server', 'redis-server');
      mkdirSync(dir('data', 'redis'), { recursive: true });
      // appendonly: BullMQ reminders must survive a restart.
      startDetached('redis', 'redis-server', [
        '--bind',
        '127.0.0.1',
        '--port',
        String(ports.redis),
        '--dir',
        dir('data', 'redis'),
        '--appendonly',
        'yes',
        '--save',
        '',
        '--daemonize',
        'no',
      ]);
      await waitFor('redis', checks.redis, 60);
    },
  },
  mongo: {
    label: `MongoDB wire (mongo-java-server, H2 file) on 127.0.0.1:${ports.mongo}`,
    async start() {
      // npm start's data: one H2 file, kept across restarts of the database and of the platform.
      mkdirSync(dir('pids'), { recursive: true });
      const server = await startMongoWire({
        port: ports.mongo,
        file: dir('data', 'mongo-wire', 'platform.mv.db'),
        logFile: dir('logs', 'mongo.log'),
        log,
      }).catch((err) => fail(`${err.message}\nSee ${shown(dir('logs', 'mongo.log'))}.`));
      writeFileSync(dir('pids', 'mongo.pid'), String(server.pid));
    },
  },
};

async function up(forTests) {
  mkdirSync(INFRA, { recursive: true });
  for (const [name, c] of Object.entries(components)) {
    if (name === 'mongo' && (GIVEN_MONGO_URI || forTests)) {
      await useOwnDatabase();
      continue;
    }
    if (await checks[name]()) {
      log(`${c.label}: already running, reused`);
      continue;
    }
    log(`${c.label}: starting...`);
    await c.start();
    log(`${c.label}: ready`);
  }
  if (forTests) ensureBrowser();
  log('all up. Stop with `npm run infra:down`.');
}

/**
 * A headless browser for the tests that use the platform as a person would (the sandbox checkout
 * page): Debian's chromium, driven by playwright-core. CHROMIUM_PATH names one you already have.
 */
function ensureBrowser() {
  const own = process.env.CHROMIUM_PATH;
  if (own) {
    if (!existsSync(own)) fail(`CHROMIUM_PATH=${own} does not exist. Unset it to use Debian's chromium.`);
    log(`Chromium at CHROMIUM_PATH (${own}): used as given`);
    return;
  }
  if (!which('chromium'))
    log('Chromium (headless, for the checkout page test): installing with apt-get (one time, ~1 min)...');
  aptInstall('chromium', 'chromium');
  log('Chromium (headless, for the checkout page test): installed');
}

/** MONGO_URI given: check it answers. Tests without one: install the engine each run starts. */
async function useOwnDatabase() {
  if (!GIVEN_MONGO_URI) {
    installMongoWire(log);
    log('MongoDB wire: installed; each test run starts its own in-memory instance');
    return;
  }
  const redacted = GIVEN_MONGO_URI.replace(/\/\/[^@/]*@/, '//***@');
  const version = await mongoVersion(GIVEN_MONGO_URI);
  if (!version)
    fail(`MONGO_URI (${redacted}) does not answer. Start that database, or unset MONGO_URI to use the local one.`);
  log(`MongoDB ${version} at MONGO_URI (${redacted}): used as given, not started`);
}

async function status() {
  let allUp = true;
  for (const [name, c] of Object.entries(components)) {
    const ok = await checks[name]();
    allUp &&= ok;
    log(`${c.label}: ${ok ? 'up' : 'down'}`);
  }
  process.exitCode = allUp ? 0 : 1;
}

function down() {
  for (const name of Object.keys(components)) {
    const pidFile = dir('pids', `${name}.pid`);
    if (!existsSync(pidFile)) {
      log(`${name}: not started by this script, left alone`);
      continue;
    }
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
      log(`${name}: stopped (pid ${pid})`);
    } catch {
      log(`${name}: was not running`);
    }
    rmSync(pidFile);
  }
}

const [command, ...flags] = process.argv.slice(2);
if (command === 'up') await up(flags.includes('--tests'));
else if (command === 'status') await status();
else if (command === 'down') down();
else fail(`usage: infra.mjs up [--tests] | down | status (on ${os.hostname()})`);
