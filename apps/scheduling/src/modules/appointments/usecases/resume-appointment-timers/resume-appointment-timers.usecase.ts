import { Injectable } from '@nestjs/common';
import { AppointmentStatus } from '@telehealth/contracts';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { AppointmentStore } from '../../appointment.store';
import { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import { HoldExpiryQueue } from '../../hold-expiry.queue';

export type AppointmentTimer = 'hold-expiry' | 'confirmation-deadline';

/**
 * At start-up: every appointment waiting on a timer (an unpaid hold, a request waiting for its
 * doctor) has its job again, in case one was lost between the write and the job add; past ones
 * run at once. Returns how many appointments wait on the timer.
 */
@Injectable()
export class ResumeAppointmentTimers {
  constructor(
    private readonly store: AppointmentStore,
    private readonly holds: HoldExpiryQueue,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly deadlines: ConfirmationDeadlines,
  ) {}

  async execute(timer: AppointmentTimer): Promise<number> {
    let n = 0;
    if (timer === 'hold-expiry') {
      for await (const a of this.store.withStatus(AppointmentStatus.PENDING_PAYMENT)) {
        if (!a.holdExpiresAt) continue;
        await this.holds.ensure(a._id, a.holdExpiresAt);
        n++;
      }
    } else {
      for await (const a of this.store.withStatus(AppointmentStatus.PENDING_CONFIRMATION)) {
        await this.confirmations.ensure(a._id, this.deadlines.of(a));
        n++;
      }
    }
    return n;
  }
}
