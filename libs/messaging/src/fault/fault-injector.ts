import { Logger } from '@nestjs/common';

/** Named points where a test may ask a service to die, to prove what survives a crash. */
export enum FaultPoint {
  /** After the state change and its outbox entry are written, before anything is published. */
  CRASH_AFTER_WRITE = 'crash-after-write',
}

const logger = new Logger('FaultInjector');

/**
 * Kills the process with SIGKILL when fault injection is enabled and the request asked for
 * this point. SIGKILL gives no chance to flush or publish: the real worst case.
 */
export function maybeCrash(enabled: boolean, requested: string | undefined, point: FaultPoint): void {
  if (!enabled || requested !== point) return;
  logger.warn(`fault injection: ${point}, killing pid ${process.pid}`);
  process.kill(process.pid, 'SIGKILL');
}
