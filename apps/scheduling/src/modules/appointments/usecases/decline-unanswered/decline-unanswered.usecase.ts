import { Injectable } from '@nestjs/common';
import { AppointmentStatus, CancelledBy, SchedulingEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { eventBase } from '../../appointment.mapper';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';
import { Clock } from '@telehealth/service-kit';

/** Why the system declined a request (on the appointment's `cancellation` and the event). */
export const UNANSWERED = 'The doctor did not confirm the booking in time';

/**
 * The doctor did not answer by the deadline (its delayed job): declined by the system, so the
 * seat is free and the held fee released. A doctor's answer first, or at the same moment (one
 * transition per version), leaves it alone.
 */
@Injectable()
export class DeclineUnanswered {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
    private readonly clock: Clock,
  ) {}

  async execute(appointmentId: string): Promise<void> {
    const a = await this.store.load(appointmentId);
    if (!a || a.status !== AppointmentStatus.PENDING_CONFIRMATION) return;
    await this.changes.applyQuietly(a, Action.DECLINE, {
      set: { cancellation: { by: CancelledBy.SYSTEM, reason: UNANSWERED, at: this.clock.now() } },
      event: (before, to) =>
        createEvent(
          SchedulingEvents.appointmentDeclined,
          before._id,
          { ...eventBase(before, { status: to }), declinedBy: CancelledBy.SYSTEM, reason: UNANSWERED },
          origin(),
        ),
    });
  }
}
