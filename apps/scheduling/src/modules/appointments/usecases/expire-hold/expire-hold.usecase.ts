import { Injectable } from '@nestjs/common';
import { AppointmentStatus, SchedulingEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { eventBase } from '../../appointment.mapper';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';

/** The hold ran out unpaid (its delayed job): the seat is free again. Paid or ended first: nothing. */
@Injectable()
export class ExpireHold {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
  ) {}

  async execute(appointmentId: string): Promise<void> {
    const a = await this.store.load(appointmentId);
    if (!a || a.status !== AppointmentStatus.PENDING_PAYMENT) return;
    await this.changes.applyQuietly(a, Action.EXPIRE, {
      event: (before, to) =>
        createEvent(SchedulingEvents.appointmentHoldExpired, before._id, eventBase(before, { status: to }), origin()),
    });
  }
}
