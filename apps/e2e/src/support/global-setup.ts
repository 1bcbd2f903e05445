// Jest runs global setup outside the test module map: resolve @telehealth/* through tsconfig paths.
import 'tsconfig-paths/register';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  FakeProviderServer,
  SmtpSink,
  TEST_JWT,
  TEST_PAYMENTS,
  TEST_VIDEO,
  TEST_PII_KEY,
  TEST_PORT_BASE,
  freePortBase,
  startPrivateInfra,
} from '@telehealth/testing';

const ROOT = path.resolve(__dirname, '../../../..');
/** Where a run records what to stop; one per run, so concurrent runs never stop each other's. */
const stateFileOf = (runId: string) => path.join(ROOT, `.infra/e2e-platform-${runId}.json`);

/**
 * Starts the whole platform from dist/ (built by `npm test`) with its own databases and
 * ports, fault injection on, and X-Forwarded-For trusted so each test client has its own IP.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `e2e${Date.now().toString(36)}`;
  const logDir = path.join(ROOT, '.infra/test-logs', runId);
  mkdirSync(logDir, { recursive: true });
  const infra = await startPrivateInfra(path.join(logDir, 'infra'));
  const portBase = await freePortBase([TEST_PORT_BASE, 5300, 7300, 9300, 11300]);
  // Paystack's and Stripe's APIs, imitated on loopback (their webhooks the tests sign themselves).
  const providers = await FakeProviderServer.start({
    paystackSecretKey: TEST_PAYMENTS.PAYSTACK_SECRET_KEY,
    stripeSecretKey: TEST_PAYMENTS.STRIPE_SECRET_KEY,
  });
  (globalThis as { __fakeProviders?: FakeProviderServer }).__fakeProviders = providers;
  // Every test worker (and the integration suites) talks to this run's own NATS and Redis.
  process.env.NATS_URL = infra.natsUrl;
  process.env.REDIS_URL = infra.redisUrl;
  process.env.MONGO_URI = infra.mongoUri; // as given (tools/test/jest.mjs gives the run's own), or started here
  // A real SMTP server on loopback: the notifications service sends to it, and the tests read
  // what it received from its mail directory (jest runs them in this same process).
  const mailDir = path.join(logDir, 'mail');
  const smtp = await SmtpSink.start({ dir: mailDir });
  (globalThis as { __E2E_SMTP__?: SmtpSink }).__E2E_SMTP__ = smtp;
  process.env.E2E_MAIL_DIR = mailDir;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...TEST_JWT,
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    FAULT_INJECTION_ENABLED: 'true',
    TRUST_PROXY: 'true',
    // Generous: a loaded 2-core machine slows the suite rather than failing it (the crash test waits it out).
    RPC_TIMEOUT_MS: '10000',
    RATE_LIMIT_AUTH_MAX: '20',
    RATE_LIMIT_USER_MAX: '1000',
    OUTBOX_POLL_MS: '200',
    EVENT_RETRY_BASE_MS: '100',
    // Short holds, so a test can watch one expire; payments in tests arrive well within it.
    HOLD_SECONDS: '6',
    // 9 s for a doctor to answer, so a test can watch a request lapse; tests that confirm do so at once.
    CONFIRMATION_WINDOW_MINUTES: '0.15',
    CANCELLATION_CUTOFF_HOURS: '2',
    // Consultations can be joined from 6 days ahead, so a test joins a demo slot now and finds one further out too early.
    JOIN_OPENS_MINUTES_BEFORE: '8640',
    ...TEST_PAYMENTS,
    ...TEST_VIDEO,
    PAYSTACK_BASE_URL: providers.url,
    STRIPE_BASE_URL: providers.url,
    SANDBOX_DEFAULT_DELAY_MS: '50',
    // Every demo slot is under 30 days away: a patient's cancellation is "late" (the 24 h rule is unit-tested).
    REFUND_FULL_NOTICE_HOURS: '720',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    DELIVERY_BACKOFF_MS: '200',
    // Event-stream heartbeats every second, so a revoked token closes a stream at once.
    STREAM_HEARTBEAT_SECONDS: '1',
  };
  const runner = spawn(
    process.execPath,
    ['tools/run/platform.mjs', '--port-base', String(portBase), '--db-prefix', runId, '--log-dir', logDir, '--demo'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`platform not ready in 120s; logs in ${logDir}\n${out}`)), 120_000);
    runner.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('[platform] ready')) {
        clearTimeout(timer);
        resolve();
      }
      if (out.includes('not ready after')) {
        clearTimeout(timer);
        reject(new Error(`platform failed to start; logs in ${logDir}\n${out}`));
      }
    });
    runner.on('exit', (code) => reject(new Error(`platform runner exited with ${code}; logs in ${logDir}`)));
  });
  runner.stdout!.resume();
  runner.unref();
  process.env.E2E_GATEWAY_URL = `http://127.0.0.1:${portBase}`;
  process.env.E2E_PORT_BASE = String(portBase);
  process.env.E2E_DB_PREFIX = runId;
  process.env.E2E_LOG_DIR = logDir;
  process.env.E2E_STATE_FILE = stateFileOf(runId);
  writeFileSync(
    process.env.E2E_STATE_FILE,
    JSON.stringify({ pid: runner.pid, runId, logDir, infra: { processes: infra.processes } }),
  );
  process.stdout.write(`\n[e2e] platform ready (databases ${runId}_*, logs ${path.relative(ROOT, logDir)})\n`);
}
