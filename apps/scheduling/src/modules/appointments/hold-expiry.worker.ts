import { Injectable } from '@nestjs/common';
import { AppointmentTimerWorker } from './appointment-timer.worker';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { ExpireHold } from './usecases/expire-hold/expire-hold.usecase';
import { ResumeAppointmentTimers } from './usecases/resume-appointment-timers/resume-appointment-timers.usecase';

/** Expires unpaid holds; on start, every unpaid hold gets its job again. */
@Injectable()
export class HoldExpiryWorker extends AppointmentTimerWorker {
  constructor(
    private readonly expireHold: ExpireHold,
    private readonly resumeTimers: ResumeAppointmentTimers,
    queue: HoldExpiryQueue,
  ) {
    super(queue, 'hold expiry');
  }

  protected run(appointmentId: string): Promise<void> {
    return this.expireHold.execute(appointmentId);
  }

  protected sweep(): Promise<number> {
    return this.resumeTimers.execute('hold-expiry');
  }
}
