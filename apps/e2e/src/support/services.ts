import { execFileSync } from 'node:child_process';
import { platformPortBase } from '@telehealth/testing';

/** Probe port offsets from the gateway's port, in the platform runner's order. */
const OFFSET = {
  identity: 101,
  scheduling: 102,
  teleconsultation: 103,
  'wallet-claims': 104,
  aftercare: 105,
  notifications: 106,
} as const;
export type ServiceName = keyof typeof OFFSET;

const probe = (service: ServiceName) => `http://127.0.0.1:${platformPortBase() + OFFSET[service]}/ready`;

/** SIGKILLs this run's instance of a service (found by its probe port); the runner restarts it. */
export function killService(service: ServiceName): number {
  const port = platformPortBase() + OFFSET[service];
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
  if (!pid) throw new Error(`no process listens on ${port} (${service}): ${out}`);
  process.kill(pid, 'SIGKILL');
  return pid;
}

export const serviceReady = (service: ServiceName): Promise<boolean> =>
  fetch(probe(service), { signal: AbortSignal.timeout(1000) })
    .then((r) => r.ok)
    .catch(() => false);
