// What a bench run measures (BENCH_DURATION, BENCH_ONLY), how, and where it keeps its results.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { say } from './lib.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const PARTS = ['micro', 'http', 'wallet', 'video', 'files', 'booking', 'notifications', 'stream', 'messages'];
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/**
 * Whether this run measures `name` (every part unless BENCH_ONLY lists some).
 * @param {string} name
 */
export const part = (name) => ONLY.length === 0 || ONLY.includes(name);
export const WARMUP = 2;
export const CONNECTIONS = 64;
export const PORT_BASE = 3500;
export const IDLE_WAIT_MS = 5000;
export const MEMORY_AIM_MB = 150;
/**
 * How many minutes before its start a consultation can be joined on the bench platform: two
 * weeks (the most the setting allows), so a demo slot days away is joinable now and the
 * join-token scenario and the video part need not wait for one to come near.
 */
export const JOIN_OPENS_MINUTES_BEFORE = 20_160;
/**
 * The bench platform's video settings: LiveKit in the sandbox (tokens and webhooks really signed,
 * nothing outside needed) with keys of the bench's own, which the video part signs webhooks with.
 */
export const BENCH_VIDEO = {
  VIDEO_PROVIDER: 'livekit',
  VIDEO_SANDBOX: 'true',
  LIVEKIT_API_KEY: 'bench-livekit-key',
  LIVEKIT_API_SECRET: 'bench-livekit-secret-0123456789abcdef01',
  JITSI_WEBHOOK_SECRET: 'bench-jitsi-webhook-secret-0123456789ab',
  DAILY_WEBHOOK_SECRET: 'YmVuY2gtZGFpbHktd2ViaG9vay1zZWNyZXQtMDEyMzQ=',
};
/** A MongoDB of yours to measure on, instead of the run's own in-memory mongo-java-server. */
export const GIVEN_MONGO_URI = process.env.MONGO_URI;

// Checked when this module loads, before anything starts: exits 2 when BENCH_DURATION or
// BENCH_ONLY make no sense, 1 when dist/ is not built.
{
  if (!Number.isFinite(DURATION) || DURATION < 1) {
    say(`BENCH_DURATION must be a number of seconds >= 1 (got ${JSON.stringify(process.env.BENCH_DURATION)})`);
    process.exit(2);
  }
  const unknownParts = ONLY.filter((p) => !PARTS.includes(p));
  if (unknownParts.length) {
    say(`BENCH_ONLY lists unknown part(s) ${unknownParts.join(', ')}; the parts are ${PARTS.join(', ')}`);
    process.exit(2);
  }
  if (!existsSync(path.join(ROOT, 'dist/libs/testing/src/private-infra.js'))) {
    say('dist/ is missing: run `node tools/build.mjs` first (`npm run bench` does it for you)');
    process.exit(1);
  }
}

/**
 * A module compiled to dist/ by `node tools/build.mjs` (the bench runs after a build).
 * @param {string} file path from the workspace root, e.g. 'dist/libs/contracts/src/common/services.js'
 * @returns {Promise<any>}
 */
export const compiled = (file) => import(pathToFileURL(path.join(ROOT, file)).href);

export const now = new Date();
export const ts = now.toISOString().replace(/\D/g, '').slice(0, 14); // YYYYMMDDhhmmss (UTC)
export const dbPrefix = `bench${ts}`;
/**
 * The object store of the bench platform: the S3 server `infra:up --tests` starts (shared, like
 * its NATS and Redis for tests), with a bucket of this run's own, deleted by cleanup().
 */
export const BENCH_S3 = {
  S3_ENDPOINT: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:8333',
  S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID ?? 'telehealth-dev',
  S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY ?? 'dev-only-s3-secret-key-0123456789abcdef',
  S3_BUCKET: `bench-${ts}`,
};
export const logDir = path.join(ROOT, '.infra/bench-logs', ts);
export const resultsFile = path.join(ROOT, '.infra/bench-results', `${ts}.json`);
/** @param {string} p */
export const rel = (p) => path.relative(ROOT, p);

/** The platform's apps, gateway first (the table of services in libs/contracts). */
/** @type {typeof import('../../libs/contracts/src/common/services')} */
const { SERVICE_NAMES } = await compiled('dist/libs/contracts/src/common/services.js');
export const APPS = [...SERVICE_NAMES];
