// The servers a bench run starts (its private infrastructure, the ceiling server, the platform)
// and stopping them, whatever happens: on success, on failure, on Ctrl-C and, as a last resort,
// when the process exits.
import { createRequire } from 'node:module';
import path from 'node:path';
import { dropDatabases, say } from './lib.mjs';
import { onLines, portFree, spawnGroup, stopGroup, waitForLine } from './process-control.mjs';
import {
  BENCH_S3,
  BENCH_VIDEO,
  GIVEN_MONGO_URI,
  JOIN_OPENS_MINUTES_BEFORE,
  PORT_BASE,
  ROOT,
  compiled,
  dbPrefix,
  logDir,
  rel,
} from './settings.mjs';
import { state } from './state.mjs';

/** @type {typeof import('../../libs/testing/src/private-infra')} */
const privateInfra = await compiled('dist/libs/testing/src/private-infra.js');

/**
 * NATS, Redis and the database of this run's own (or the MongoDB in MONGO_URI, with fresh
 * database names); their URLs go into this process's environment for the parts to use.
 */
export async function startInfra() {
  const infra = await privateInfra.startPrivateInfra(path.join(logDir, 'infra'));
  state.infra = infra;
  process.env.NATS_URL = infra.natsUrl;
  process.env.REDIS_URL = infra.redisUrl;
  process.env.MONGO_URI = infra.mongoUri;
  say(
    `private NATS ${infra.natsUrl}, Redis ${infra.redisUrl} and database ${infra.mongoUri.replace(/\/\/[^@/]*@/, '//***@')}`,
  );
  return infra;
}

export async function startCeiling() {
  say('starting the ceiling server (bare Fastify, constant JSON)...');
  const ceiling = spawnGroup([path.join(ROOT, 'tools/bench/ceiling-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', BENCH_IDENTITY_DB: `${dbPrefix}_identity` },
  });
  state.ceiling = ceiling;
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

/** @param {{ port: number }} smtp the bench's SMTP sink, where the platform's emails go */
export async function startPlatform(smtp) {
  const busy = [];
  for (const port of privateInfra.platformPorts(PORT_BASE)) if (!(await portFree(port))) busy.push(port);
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
    // Consultations can be joined two weeks ahead, so a demo slot is joinable now (join-token
    // scenario, video part); LiveKit's sandbox with the bench's keys, which sign its webhooks.
    JOIN_OPENS_MINUTES_BEFORE: String(JOIN_OPENS_MINUTES_BEFORE),
    ...BENCH_VIDEO,
    ...BENCH_S3,
  };
  const platform = spawnGroup(
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
  state.platform = platform;
  onLines(platform, (line, stream) => {
    if (stream === 'stderr') return line.trim() && process.stdout.write(`[platform:stderr] ${line}\n`);
    if (!line.startsWith('[platform]')) return; // the banner under "ready" (URLs, demo logins)
    process.stdout.write(`${line}\n`);
    if (/ exited \(/.test(line)) state.restarts.push(line.replace('[platform] ', ''));
  });
  await waitForLine(platform, {
    what: 'platform',
    timeoutMs: 120_000,
    match: (line) => line.startsWith('[platform] ready'),
    fail: (line) => line.includes('not ready after'),
  });
  return `http://127.0.0.1:${PORT_BASE}`;
}

/** @type {Promise<void> | null} */
let cleaning = null;
/** Stops everything the run started (once, however often it is called). */
export function cleanup() {
  cleaning ??= (async () => {
    for (const [what, child] of /** @type {const} */ ([
      ['platform', state.platform],
      ['ceiling server', state.ceiling],
    ])) {
      if (!child) continue;
      const how = await stopGroup(child);
      if (how !== 'already stopped') say(`${what} ${how}`);
    }
    await state.smtp?.close();
    // A MongoDB of yours (MONGO_URI) keeps no bench data; our own in-memory one just stops.
    if (GIVEN_MONGO_URI)
      try {
        const dropped = await dropDatabases(GIVEN_MONGO_URI, dbPrefix);
        say(`dropped ${dropped.length} bench database(s) (${dbPrefix}_*)`);
      } catch (err) {
        state.failures.push(`could not drop the bench databases ${dbPrefix}_*: ${/** @type {Error} */ (err).message}`);
      }
    await dropBucket(BENCH_S3);
    privateInfra.stopPrivateInfra(state.infra);
  })();
  return cleaning;
}

/** Deletes the run's bucket and what is in it (the local S3 server allows that); none: nothing to do. */
async function dropBucket({ S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_BUCKET }) {
  const { S3Client, DeleteBucketCommand } = createRequire(path.join(ROOT, 'package.json'))('@aws-sdk/client-s3');
  const s3 = new S3Client({
    endpoint: S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY },
  });
  await s3.send(new DeleteBucketCommand({ Bucket: S3_BUCKET })).catch(() => undefined);
  s3.destroy();
}

/** Ctrl-C and SIGTERM stop everything first; an exit without cleanup() still kills the process groups. */
export function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      say(`${signal}: stopping everything...`);
      void cleanup().then(() => process.exit(130));
    });
  }
  process.on('exit', () => {
    // Last resort if we die without cleanup(): never leave process groups behind.
    for (const child of [state.platform, state.ceiling]) {
      try {
        if (child?.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}
