import { Injectable } from '@nestjs/common';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { TeleconsultationQueues, type ConsultationTimerJob } from '../../queues';
import type { ConsultationDoc } from './consultation.schema';

const MINUTE = 60_000;

/**
 * Each session has two timers for its schedule: the no-show check (start + NO_SHOW_WAIT_MINUTES)
 * and the overrun (end + JOIN_GRACE_MINUTES), when a call still running is ended by the system.
 * Job ids carry the scheduled start, so a moved session gets new timers and the old ones, when
 * they fire, find the schedule changed and do nothing.
 */
@Injectable()
export class ConsultationTimers {
  constructor(
    @InjectQueue(TeleconsultationQueues.timers) private readonly queue: JobQueue<ConsultationTimerJob>,
    private readonly config: TeleconsultationConfig,
  ) {}

  /** Both timers of the session's current schedule (present ones are kept). */
  async ensure(s: Pick<ConsultationDoc, '_id' | 'scheduledStart' | 'scheduledEnd'>): Promise<void> {
    for (const [kind, at] of this.times(s)) {
      const job: ConsultationTimerJob = {
        consultationId: s._id,
        kind,
        scheduledStart: new Date(s.scheduledStart).toISOString(),
      };
      await this.queue.ensure(timerJobId(job), job, { at });
    }
  }

  private times(s: Pick<ConsultationDoc, 'scheduledStart' | 'scheduledEnd'>): [ConsultationTimerJob['kind'], Date][] {
    return [
      ['no-show', new Date(new Date(s.scheduledStart).getTime() + this.config.NO_SHOW_WAIT_MINUTES * MINUTE)],
      ['overrun', new Date(new Date(s.scheduledEnd).getTime() + this.config.JOIN_GRACE_MINUTES * MINUTE)],
    ];
  }
}

export const timerJobId = (j: ConsultationTimerJob): string =>
  `${j.kind}-${j.consultationId}-${new Date(j.scheduledStart).getTime()}`;
