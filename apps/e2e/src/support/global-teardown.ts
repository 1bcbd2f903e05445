// Jest runs global setup outside the test module map: resolve @telehealth/* through tsconfig paths.
import 'tsconfig-paths/register';
import { readFileSync, rmSync } from 'node:fs';
import { dropDatabases, type FakeProviderServer } from '@telehealth/testing';

/** Stops the test platform and drops its databases (logs stay for inspection on failure). */
export default async function globalTeardown(): Promise<void> {
  // Set by this run's global setup (same process): never another run's platform.
  const stateFile = process.env.E2E_STATE_FILE;
  if (!stateFile) return;
  await (globalThis as { __fakeProviders?: FakeProviderServer }).__fakeProviders?.close();
  const { pid, runId, infraPids } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    pid: number;
    runId: string;
    infraPids: number[];
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await new Promise((r) => setTimeout(r, 1500));
  // The run's private NATS and Redis go with it.
  for (const infraPid of infraPids ?? []) {
    try {
      process.kill(infraPid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  await (globalThis as { __E2E_SMTP__?: { stop(): Promise<void> } }).__E2E_SMTP__?.stop();
  await dropDatabases(runId);
  rmSync(stateFile, { force: true });
}
