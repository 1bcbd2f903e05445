#!/usr/bin/env node
// Runs the whole platform from dist/: the gateway and the six services, each its own process.
// Waits until every app answers /ready, prints the gateway URL, docs and demo logins, and
// restarts an app that dies (as Kubernetes would), so a crash test can watch recovery.
//
//   node tools/run/platform.mjs [--demo] [--port-base 3000] [--db-prefix telehealth] [--log-dir DIR]
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailSink } from '../dev/mail-sink.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    'port-base': { type: 'string', default: process.env.GATEWAY_PORT ?? '3000' },
    'db-prefix': { type: 'string', default: 'telehealth' },
    'log-dir': { type: 'string' },
    'ready-timeout': { type: 'string', default: '90' },
    'mail-dir': { type: 'string' },
  },
});

if (!existsSync(path.join(ROOT, 'dist/apps/gateway/src/main.js'))) {
  process.stdout.write('[platform] dist/ is missing: run `npm run build` first (npm start does it for you).\n');
  process.exit(1);
}
// The apps, their ports, databases and demo data: the one table in libs/contracts (compiled).
/** @type {typeof import('../../libs/contracts/src/common/services')} */
const { SERVICES } = await import(pathToFileURL(path.join(ROOT, 'dist/libs/contracts/src/common/services.js')).href);
const base = Number(args['port-base']);
const gatewayUrl = process.env.PUBLIC_URL ?? `http://localhost:${base}`;
// The services first, the gateway last (the order they start in).
const apps = [...SERVICES.filter((s) => s.database), ...SERVICES.filter((s) => !s.database)].map((s) => ({
  name: s.name,
  port: base + s.portOffset,
  env:
    s.database === null
      ? { GATEWAY_PORT: String(base), PUBLIC_URL: gatewayUrl }
      : {
          HEALTH_PORT: String(base + s.portOffset),
          MONGO_DB: `${args['db-prefix']}_${s.database}`,
          ...(args.demo && s.demoData ? { DEMO_DATA: 'true' } : {}),
        },
}));
/** @param {string} name */
const appNamed = (name) => /** @type {(typeof apps)[number]} */ (apps.find((a) => a.name === name));
// The sandbox payment provider delivers its signed webhooks to this platform's own gateway.
Object.assign(appNamed('wallet-claims').env, {
  SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${base}/v1/webhooks/sandbox`,
  PUBLIC_URL: gatewayUrl,
});

// Emails: to the SMTP server in SMTP_HOST when one is set; otherwise to a local mail sink that
// keeps each message as a .eml file (port 1025, or any free one when that is taken).
if (!process.env.SMTP_HOST) {
  const dir = args['mail-dir'] ?? path.join(args['log-dir'] ?? path.join(ROOT, '.infra'), 'mail');
  const log = (line) => process.stdout.write(`${line}\n`);
  const sink = await startMailSink({ port: 1025, dir, log }).catch(() => startMailSink({ port: 0, dir, log }));
  Object.assign(appNamed('notifications').env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  process.stdout.write(
    `[platform] emails go to a local mail sink on :${sink.port}; read them in ${path.relative(ROOT, dir)}/\n`,
  );
}

const COLORS = [36, 33, 35, 32, 34, 31, 37];
const color = (i, s) => (process.stdout.isTTY ? `\x1b[${COLORS[i % COLORS.length]}m${s}\x1b[0m` : s);
const say = (msg) => process.stdout.write(`[platform] ${msg}\n`);

if (args['log-dir']) mkdirSync(args['log-dir'], { recursive: true });

let stopping = false;
const children = new Map();

function start(app, index) {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(ROOT, `dist/apps/${app.name}/src/main.js`)],
    {
      cwd: ROOT,
      env: { ...process.env, ...app.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.set(app.name, child);
  const sink = args['log-dir']
    ? createWriteStream(path.join(args['log-dir'], `${app.name}.log`), { flags: 'a' })
    : null;
  const prefix = color(index, `${app.name.padEnd(16)}|`);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      if (sink) return sink.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say(`${app.name} exited (${signal ?? `code ${code}`}); restarting in 1s`);
    setTimeout(() => !stopping && start(app, index), 1000);
  });
}

async function isReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitReady() {
  const deadline = Date.now() + Number(args['ready-timeout']) * 1000;
  const pending = new Set(apps.map((a) => a.name));
  while (pending.size && Date.now() < deadline) {
    for (const app of apps) if (pending.has(app.name) && (await isReady(app.port))) pending.delete(app.name);
    if (pending.size) await new Promise((r) => setTimeout(r, 300));
  }
  return [...pending];
}

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping every app...`);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 8000).unref();
  void Promise.all(
    [...children.values()].map((c) => new Promise((r) => (c.exitCode !== null ? r(undefined) : c.on('exit', r)))),
  ).then(() => process.exit(0));
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

const probes = apps.filter((a) => a.port !== base).map((a) => a.port);
say(
  `starting ${apps.length} apps (gateway on :${base}, services' probes on :${Math.min(...probes)}-${Math.max(...probes)})...`,
);
apps.forEach(start);
const notReady = await waitReady();
if (notReady.length) {
  say(
    `not ready after ${args['ready-timeout']}s: ${notReady.join(', ')}. Check their logs above${args['log-dir'] ? ` (${args['log-dir']})` : ''}; is the infrastructure up (\`npm run infra:status\`)?`,
  );
  shutdown('not-ready');
} else {
  const lines = [
    '',
    `  Gateway   ${gatewayUrl}/v1`,
    `  API docs  ${gatewayUrl}/docs   (OpenAPI: ${gatewayUrl}/openapi.json)`,
    `  Health    ${gatewayUrl}/health  ${gatewayUrl}/ready`,
  ];
  if (args.demo) {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import(
      path.join(ROOT, 'dist/apps/identity/src/modules/demo/demo-accounts.js')
    );
    lines.push('', `  Demo logins (password ${DEMO_PASSWORD} for each):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.roles.join(',').padEnd(15)} ${a.email}`);
  }
  lines.push('', '  Ctrl-C stops everything.', '');
  say(`ready\n${lines.join('\n')}`);
}
