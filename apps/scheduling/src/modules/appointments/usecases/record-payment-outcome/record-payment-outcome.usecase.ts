import { Injectable } from '@nestjs/common';
import { AppointmentStatus, CancelledBy, PaymentStatus, SchedulingEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { eventBase } from '../../appointment.mapper';
import { AppointmentStore } from '../../appointment.store';
import { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import { Action } from '../../lifecycle';
import { Clock } from '@telehealth/service-kit';

export type PaymentOutcome =
  | { appointmentId: string; paid: true; reference: string; coveredByInsurance: boolean; correlationId: string }
  | { appointmentId: string; paid: false; message: string; correlationId: string };

/**
 * The payment step of the booking saga, as wallet-claims reports it (flow 2). Paid: confirmed,
 * or waiting for the doctor, as the lifecycle's rule chooses. Failed: the booking is released
 * ("insufficient funds -> seat released"). Ignored unless the booking still waits for payment
 * (events may be redelivered).
 */
@Injectable()
export class RecordPaymentOutcome {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly deadlines: ConfirmationDeadlines,
    private readonly clock: Clock,
  ) {}

  async execute(o: PaymentOutcome): Promise<void> {
    const a = await this.store.load(o.appointmentId);
    // A payment redelivered after the deadline job could not be added: add it now.
    if (o.paid && a?.status === AppointmentStatus.PENDING_CONFIRMATION)
      return this.confirmations.ensure(a._id, this.deadlines.of(a));
    if (!a || a.status !== AppointmentStatus.PENDING_PAYMENT) return;
    if (o.paid) {
      await this.changes.applyQuietly(a, Action.PAY, {
        set: {
          payment: {
            ...a.payment,
            status: PaymentStatus.PAID,
            reference: o.reference,
            coveredByInsurance: o.coveredByInsurance,
          },
          holdExpiresAt: null,
        },
        // Only a confirmation is announced; a request waiting for the doctor is not news yet.
        event: (before, to) =>
          to === AppointmentStatus.CONFIRMED
            ? createEvent(
                SchedulingEvents.appointmentConfirmed,
                before._id,
                eventBase(before, { status: to }),
                origin(o.correlationId),
              )
            : undefined,
        requestId: o.correlationId,
      });
      return;
    }
    const reason = `Payment failed: ${o.message}`;
    await this.changes.applyQuietly(a, Action.FAIL_PAYMENT, {
      set: {
        cancellation: { by: CancelledBy.SYSTEM, reason, at: this.clock.now() },
        payment: { ...a.payment, status: PaymentStatus.FAILED },
      },
      event: (before, to) =>
        createEvent(
          SchedulingEvents.appointmentCancelled,
          before._id,
          {
            ...eventBase(before, { status: to }),
            cancelledBy: CancelledBy.SYSTEM,
            reason,
            previousStatus: before.status,
          },
          origin(o.correlationId),
        ),
      requestId: o.correlationId,
    });
  }
}
