#!/usr/bin/env node
// Local infrastructure for development and tests: NATS (JetStream), Redis and FerretDB
// (MongoDB wire protocol, SQLite backend) on loopback, data under .infra/.
// `up` installs what is missing, reuses what already answers, and starts the rest.
// Production uses MongoDB 7 instead of FerretDB: see docker-compose.yml and k8s/.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INFRA = process.env.INFRA_DIR ?? path.join(ROOT, '.infra');
const FERRETDB_VERSION = 'v1.24.2';
const ports = {
  nats: Number(process.env.INFRA_NATS_PORT ?? 4222),
  natsMonitor: Number(process.env.INFRA_NATS_MONITOR_PORT ?? 8222),
  redis: Number(process.env.INFRA_REDIS_PORT ?? 6379),
  mongo: Number(process.env.INFRA_MONGO_PORT ?? 27017),
};
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

const checks = {
  nats: async () => (await ask(ports.nats, null, 1000)) && (await natsJetStreamEnabled()),
  redis: async () => ((await ask(ports.redis, 'PING\r\n')) ?? '').startsWith('+PONG'),
  mongo: async () => (await ask(ports.mongo, null)) === 'open',
};

async function natsJetStreamEnabled() {
  try {
    const res = await fetch(`http://127.0.0.1:${ports.natsMonitor}/jsz`, { signal: AbortSignal.timeout(1000) });
    const body = await res.json();
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

/** What to do about a component that died at start: its last error, and a fix when we know one. */
function diagnose(name) {
  const logFile = dir('logs', `${name}.log`);
  const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n') : [];
  const last = lines.filter((l) => /ERROR|FATAL|panic|error/.test(l)).at(-1) ?? lines.at(-1) ?? '(empty log)';
  let advice = `See ${shown(logFile)}.`;
  if (name === 'ferretdb' && /not a database|malformed/.test(last)) {
    // FerretDB does not say which file; a half-written one (a process killed mid-write) lacks the header.
    const data = dir('data', 'ferretdb');
    const broken = readdirSync(data).filter((f) => f.endsWith('.sqlite') && !isSqlite(path.join(data, f)));
    const rel = (f) => shown(path.join(data, f));
    advice = broken.length
      ? `These files are not SQLite databases (half-written when a process was killed?): ${broken.map(rel).join(', ')}. ` +
        `Move them aside and rerun: mkdir -p ${shown(dir('broken'))} && mv ${broken.map(rel).join(' ')} ${shown(dir('broken'))}/ && npm run infra:up ` +
        '(only those databases are lost; each service recreates its indexes).'
      : `A database file under ${shown(data)} is damaged; move the newest *.sqlite files aside and rerun.`;
  }
  return `Its last error: ${last.slice(0, 400)}\n${advice}`;
}

/** A path as the user can paste it from here: relative when under the current directory. */
const shown = (p) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p));

/** An empty file is a valid (new) SQLite database; anything else must start with the SQLite header. */
function isSqlite(file) {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, header, 0, 16, 0);
    return n === 0 || header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function aptInstall(pkg, binary) {
  if (which(binary)) return;
  if (process.getuid?.() !== 0)
    fail(`${binary} is not installed. Run: sudo apt-get install -y ${pkg} (or use docker-compose.yml).`);
  log(`installing ${pkg} with apt-get (one time)...`);
  run('apt-get', ['update', '-qq'], { hint: 'Check network access to the Debian mirror.' });
  run('apt-get', ['install', '-y', '-qq', pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** FerretDB v1 is built from its Go module (the proxy serves sources, not binaries). */
function ferretdbBinary() {
  const onPath = which('ferretdb');
  if (onPath) return onPath;
  const bin = dir('bin', 'ferretdb');
  if (existsSync(bin)) return bin;
  if (!which('go')) fail('FerretDB needs Go >= 1.22 to build. Install Go (https://go.dev/doc/install), then rerun.');
  log(`building FerretDB ${FERRETDB_VERSION} from its Go module (one time, about a minute)...`);
  const work = dir('build');
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'go.mod'), 'module ferretdb-fetch\n\ngo 1.22\n');
  const dl = spawnSync('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  if (dl.status !== 0) fail(`go mod download failed:\n${dl.stderr}\nCheck access to the Go module proxy.`);
  const src = JSON.parse(dl.stdout).Dir;
  const copy = path.join(work, 'FerretDB');
  rmSync(copy, { recursive: true, force: true });
  cpSync(src, copy, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', copy]);
  // The module zip omits the generated version file that `ferretdb` refuses to start without.
  writeFileSync(path.join(copy, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  mkdirSync(dir('bin'), { recursive: true });
  run('go', ['build', '-o', bin, './cmd/ferretdb'], { cwd: copy, hint: 'See the Go build output above.' });
  rmSync(copy, { recursive: true, force: true });
  chmodSync(bin, 0o755);
  log(`FerretDB built at ${path.relative(ROOT, bin)}`);
  return bin;
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
    start() {
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
    },
  },
  redis: {
    label: `Redis on 127.0.0.1:${ports.redis}`,
    start() {
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
    },
  },
  mongo: {
    label: `FerretDB (MongoDB wire, SQLite) on 127.0.0.1:${ports.mongo}`,
    start() {
      const bin = ferretdbBinary();
      mkdirSync(dir('data', 'ferretdb'), { recursive: true });
      startDetached('ferretdb', bin, [
        '--handler=sqlite',
        `--sqlite-url=file:${dir('data', 'ferretdb')}/`,
        `--listen-addr=127.0.0.1:${ports.mongo}`,
        `--state-dir=${dir('data', 'ferretdb')}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ]);
    },
  },
};

async function up() {
  mkdirSync(INFRA, { recursive: true });
  for (const [name, c] of Object.entries(components)) {
    if (await checks[name]()) {
      log(`${c.label}: already running, reused`);
      continue;
    }
    log(`${c.label}: starting...`);
    c.start();
    await waitFor(name === 'mongo' ? 'ferretdb' : name, checks[name], 60);
    log(`${c.label}: ready`);
  }
  log('all up. Stop with `npm run infra:down`.');
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
  for (const name of ['nats', 'redis', 'ferretdb']) {
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

const command = process.argv[2];
if (command === 'up') await up();
else if (command === 'status') await status();
else if (command === 'down') down();
else fail(`usage: infra.mjs up|down|status (on ${os.hostname()})`);
