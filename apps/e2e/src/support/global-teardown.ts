// Jest runs global setup outside the test module map: resolve @telehealth/* through tsconfig paths.
import 'tsconfig-paths/register';
import { readFileSync, rmSync } from 'node:fs';
import {
  dropDatabases,
  releasePortBase,
  stopPrivateInfra,
  type FakeProviderServer,
  type PrivateInfra,
} from '@telehealth/testing';

/** Stops the test platform and drops its databases (logs stay for inspection on failure). */
export default async function globalTeardown(): Promise<void> {
  // Set by this run's global setup (same process): never another run's platform.
  const stateFile = process.env.E2E_STATE_FILE;
  if (!stateFile) return;
  await (globalThis as { __fakeProviders?: FakeProviderServer }).__fakeProviders?.close();
  const { pid, runId, infra } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    pid: number;
    runId: string;
    infra: Pick<PrivateInfra, 'processes'>;
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await new Promise((r) => setTimeout(r, 1500));
  await (globalThis as { __E2E_SMTP__?: { stop(): Promise<void> } }).__E2E_SMTP__?.stop();
  // A database the infrastructure started itself goes with it; a given one (MONGO_URI) is cleaned.
  if (!infra.processes['mongo-java-server']) await dropDatabases(runId);
  // The run's private NATS, Redis (and database, if it started one) go with it.
  stopPrivateInfra(infra);
  rmSync(stateFile, { force: true });
  if (process.env.E2E_PORT_BASE) releasePortBase(Number(process.env.E2E_PORT_BASE));
}
