import { Injectable } from '@nestjs/common';
import { AppointmentStatus, PaymentStatus } from '@telehealth/contracts';
import { AppointmentChanges } from '../../appointment-changes';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';

/**
 * wallet-claims refunded a cancelled appointment's captured fee (by the refund policy): its
 * payment reads REFUNDED, as the wallet's record does. Scheduling announces nothing (the refund
 * was announced by wallet-claims); a redelivered refund changes nothing.
 */
@Injectable()
export class RecordRefund {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
  ) {}

  async execute(r: { appointmentId: string; correlationId: string }): Promise<void> {
    const a = await this.store.load(r.appointmentId);
    if (!a || a.status !== AppointmentStatus.CANCELLED || a.payment.status === PaymentStatus.REFUNDED) return;
    await this.changes.applyQuietly(a, Action.RECORD_REFUND, {
      set: { payment: { ...a.payment, status: PaymentStatus.REFUNDED } },
      requestId: r.correlationId,
    });
  }
}
