import { Injectable } from '@nestjs/common';
import { ConsultationStatus } from '@telehealth/contracts';
import { JobSweep, OnJob, type Job } from '@telehealth/jobs';
import { TeleconsultationQueues, type ConsultationTimerJob } from '../../queues';
import { ConsultationStore } from './consultation.store';
import { ConsultationTimers } from './consultation-timers';
import { RunTimer } from './usecases/run-timer/run-timer.usecase';

/** Runs the session timers; on start, every session still to happen gets its timers again. */
@Injectable()
export class ConsultationTimersWorker {
  constructor(
    private readonly runTimer: RunTimer,
    private readonly store: ConsultationStore,
    private readonly timers: ConsultationTimers,
  ) {}

  @OnJob(TeleconsultationQueues.timers)
  run(job: Job<ConsultationTimerJob>): Promise<void> {
    return this.runTimer.execute(job.data);
  }

  /** A timer lost between a session's write and its job add would leave a no-show unnoticed. */
  @JobSweep(TeleconsultationQueues.timers)
  async sweep(): Promise<number> {
    let n = 0;
    const open = [ConsultationStatus.SCHEDULED, ConsultationStatus.WAITING, ConsultationStatus.IN_PROGRESS];
    for await (const s of this.store.inStatus(open)) {
      await this.timers.ensure(s);
      n++;
    }
    return n;
  }
}
