// The parts of a bench run (BENCH_ONLY picks some): each measures, records its figures in the
// run's state and turns what went wrong into failures, so one part failing never stops the next.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bookingContention } from './booking-contention.mjs';
import { filesBench } from './files.mjs';
import { say, sleep } from './lib.mjs';
import { foreignClients, measure, readMemory } from './measure.mjs';
import { notificationsBench } from './notifications.mjs';
import { messagesBench } from './messages.mjs';
import { fmt } from './report.mjs';
import { SCENARIOS } from './scenarios/index.mjs';
import { DURATION, IDLE_WAIT_MS, MEMORY_AIM_MB, ROOT, dbPrefix, ts } from './settings.mjs';
import { state } from './state.mjs';
import { videoWebhooks } from './video-webhooks.mjs';
import { streamBench } from './stream.mjs';
import { walletLedger } from './wallet-ledger.mjs';

/** @param {string} what @param {unknown} err */
function failed(what, err) {
  const message = /** @type {Error} */ (err).message;
  state.failures.push(what ? `${what}: ${message}` : message);
  say(`  FAILED: ${message}`);
}

/**
 * Micro-benchmark of the slot-expansion engine (pure CPU, on a quiet machine before the servers
 * start): it prints its own [bench] lines and aim; only a crash of the script counts as a failure.
 */
export function micro() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'tools/bench/micro/slot-expansion.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) state.failures.push(`slot-expansion micro-benchmark exited with ${run.status ?? run.signal}`);
}

/**
 * Every HTTP scenario under load (when `measureHttp`), then each app's idle resident memory.
 * @param {ReturnType<typeof import('./measure.mjs').makeContext>} ctx @param {boolean} measureHttp
 */
export async function http(ctx, measureHttp) {
  for (const scenario of measureHttp ? SCENARIOS : []) {
    try {
      await measure(scenario, ctx);
    } catch (err) {
      failed(scenario.title, err);
    }
  }
  say(`load done; waiting ${IDLE_WAIT_MS / 1000}s, then reading each app's idle resident memory...`);
  await sleep(IDLE_WAIT_MS);
  state.memory = readMemory();
  for (const m of state.memory) {
    m.rssAtStartMb = state.memoryAtStart.find((x) => x.app === m.app)?.rssMb ?? null;
    say(
      `  ${m.app.padEnd(16)} ${m.rssMb.toFixed(1).padStart(6)} MB (${fmt(m.rssAtStartMb, 1)} MB before the load; aim < ${MEMORY_AIM_MB} MB) ${m.pass ? 'PASS' : 'MISS'}`,
    );
  }
}

/** @param {string} gatewayUrl */
export async function wallet(gatewayUrl) {
  try {
    state.wallet = await walletLedger({ gatewayUrl, seconds: DURATION, run: ts });
    state.failures.push(...state.wallet.problems);
  } catch (err) {
    failed('wallet', err);
  }
}

/** @param {string} gatewayUrl */
export async function video(gatewayUrl) {
  try {
    state.video = await videoWebhooks({ gatewayUrl });
    state.failures.push(...state.video.problems);
  } catch (err) {
    failed('video', err);
  }
}

/** @param {string} gatewayUrl */
export async function files(gatewayUrl) {
  try {
    state.files = await filesBench({ gatewayUrl, run: ts });
    state.failures.push(...state.files.problems);
  } catch (err) {
    failed('files', err);
  }
}

/** @param {string} gatewayUrl */
export async function messages(gatewayUrl) {
  try {
    state.messages = await messagesBench({ gatewayUrl, run: ts });
    state.failures.push(...state.messages.problems);
  } catch (err) {
    failed('messages', err);
  }
}

/** @param {string} gatewayUrl @param {string} mongoUri */
export async function booking(gatewayUrl, mongoUri) {
  try {
    /** @type {any} */
    const result = await bookingContention({ gatewayUrl, mongoUri, dbName: `${dbPrefix}_scheduling` });
    state.booking = result;
    result.foreignNatsClients = await foreignClients();
    if (result.foreignNatsClients?.rpc.length)
      say(
        `  warning: another platform's services are on the same NATS (${result.foreignNatsClients.rpc.join(', ')}): ` +
          'they answered part of the bookings from their own database, so the counts above are not this platform alone',
      );
    state.failures.push(...result.problems);
  } catch (err) {
    failed('booking race', err);
  }
}

/** @param {string} mongoUri */
export async function notifications(mongoUri) {
  try {
    state.notifications = await notificationsBench({
      natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      mongoUri,
      dbName: `${dbPrefix}_notifications_bench`,
      smtp: state.smtp,
    });
    state.failures.push(...state.notifications.problems);
  } catch (err) {
    failed('notifications', err);
  }
}

/** @param {string} gatewayUrl */
export async function stream(gatewayUrl) {
  try {
    state.stream = await streamBench({
      gatewayUrl,
      natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      runnerPid: /** @type {number} */ (state.platform?.pid),
    });
    state.failures.push(...state.stream.problems);
  } catch (err) {
    failed('stream', err);
  }
}
