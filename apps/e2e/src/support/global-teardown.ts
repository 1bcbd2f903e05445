// Jest runs global setup outside the test module map: resolve @telehealth/* through tsconfig paths.
import 'tsconfig-paths/register';
import { readFileSync, rmSync } from 'node:fs';
import { dropDatabases } from '@telehealth/testing';
import { STATE_FILE } from './global-setup';

/** Stops the test platform and drops its databases (logs stay for inspection on failure). */
export default async function globalTeardown(): Promise<void> {
  const { pid, runId } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; runId: string };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await new Promise((r) => setTimeout(r, 1500));
  await dropDatabases(runId);
  rmSync(STATE_FILE, { force: true });
}
