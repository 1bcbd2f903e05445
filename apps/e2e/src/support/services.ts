import { execFileSync } from 'node:child_process';
import { serviceSpec, type BackendService } from '@telehealth/contracts';
import { platformPortBase } from '@telehealth/testing';

export type ServiceName = BackendService;

/** This run's probe port of a service (the table of services in @telehealth/contracts). */
export const probePort = (service: ServiceName): number => platformPortBase() + serviceSpec(service).portOffset;

/** SIGKILLs this run's instance of a service (found by its probe port); the runner restarts it. */
export function killService(service: ServiceName): number {
  const port = probePort(service);
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
  if (!pid) throw new Error(`no process listens on ${port} (${service}): ${out}`);
  process.kill(pid, 'SIGKILL');
  return pid;
}

export const serviceReady = (service: ServiceName): Promise<boolean> =>
  fetch(`http://127.0.0.1:${probePort(service)}/ready`, { signal: AbortSignal.timeout(1000) })
    .then((r) => r.ok)
    .catch(() => false);
