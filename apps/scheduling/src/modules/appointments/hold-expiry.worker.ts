import { Injectable } from '@nestjs/common';
import { AppointmentTimerWorker } from './appointment-timer.worker';
import { AppointmentsService } from './appointments.service';
import { HoldExpiryQueue } from './hold-expiry.queue';

/** Expires unpaid holds; on start, every unpaid hold gets its job again. */
@Injectable()
export class HoldExpiryWorker extends AppointmentTimerWorker {
  constructor(
    private readonly appointments: AppointmentsService,
    queue: HoldExpiryQueue,
  ) {
    super(queue, 'hold expiry');
  }

  protected run(appointmentId: string): Promise<void> {
    return this.appointments.expireHold(appointmentId);
  }

  protected sweep(): Promise<number> {
    return this.appointments.scheduleHoldExpiries();
  }
}
