// Jest runs global setup outside the test module map: resolve @telehealth/* through tsconfig paths.
import 'tsconfig-paths/register';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_JWT, TEST_PII_KEY, TEST_PORT_BASE } from '@telehealth/testing';

const ROOT = path.resolve(__dirname, '../../../..');
export const STATE_FILE = path.join(ROOT, '.infra/e2e-platform.json');

/**
 * Starts the whole platform from dist/ (built by `npm test`) with its own databases and
 * ports, fault injection on, and X-Forwarded-For trusted so each test client has its own IP.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `e2e${Date.now().toString(36)}`;
  const logDir = path.join(ROOT, '.infra/test-logs', runId);
  mkdirSync(logDir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...TEST_JWT,
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    FAULT_INJECTION_ENABLED: 'true',
    TRUST_PROXY: 'true',
    RPC_TIMEOUT_MS: '3000',
    RATE_LIMIT_AUTH_MAX: '20',
    RATE_LIMIT_USER_MAX: '1000',
    OUTBOX_POLL_MS: '200',
    EVENT_RETRY_BASE_MS: '100',
    // Short holds, so a test can watch one expire; payments in tests arrive well within it.
    HOLD_SECONDS: '6',
    CANCELLATION_CUTOFF_HOURS: '2',
  };
  const runner = spawn(
    process.execPath,
    [
      'tools/run/platform.mjs',
      '--port-base',
      String(TEST_PORT_BASE),
      '--db-prefix',
      runId,
      '--log-dir',
      logDir,
      '--demo',
    ],
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
  process.env.E2E_GATEWAY_URL = `http://127.0.0.1:${TEST_PORT_BASE}`;
  process.env.E2E_DB_PREFIX = runId;
  process.env.E2E_LOG_DIR = logDir;
  writeFileSync(STATE_FILE, JSON.stringify({ pid: runner.pid, runId, logDir }));
  process.stdout.write(`\n[e2e] platform ready (databases ${runId}_*, logs ${path.relative(ROOT, logDir)})\n`);
}
