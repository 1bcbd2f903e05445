import { Injectable } from '@nestjs/common';
import { AppointmentStatus, EntryType, PaymentEvents, type AppointmentCancelledV1 } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { WalletClaimsConfig } from '../../../../config/wallet-claims.config';
import { Ledger } from '../../../ledger/ledger';
import { WalletStore } from '../../../ledger/wallet.store';
import { PaymentEvent } from '../../payment-lifecycle';
import { PaymentMovements, ref } from '../../payment-movements';
import { PaymentStore } from '../../payment.store';
import { refundFor } from '../../refund-policy';
import { SettlementStore } from '../../settlement.store';

/** Statuses an appointment reaches only once its fee was captured. */
const PAID_STATUSES: AppointmentStatus[] = [AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS];

/** Thrown when an event arrived before the one it depends on: the consumer retries it later. */
export class NotYet extends Error {}

/**
 * The appointment was cancelled (flow 4): before confirmation the hold is released; after it, a
 * refund by policy (`refund-policy.ts`). An appointment cancelled from CONFIRMED had been paid even
 * if this service has not handled the confirmation yet (events of two types may arrive in either
 * order): it is captured here, so the order never turns a late patient cancellation into a full
 * release.
 */
@Injectable()
export class RefundPayment {
  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly movements: PaymentMovements,
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
    private readonly config: WalletClaimsConfig,
  ) {}

  /**
   * `e`: the cancellation (an appointment's, or for an on-demand consultation the doctor's absence,
   * its request's id as `appointmentId`); `cancelledAt`: when it happened (the event's time), which
   * the policy measures notice to.
   */
  async execute(
    e: Pick<AppointmentCancelledV1, 'appointmentId' | 'previousStatus' | 'cancelledBy' | 'start'>,
    cancelledAt: Date,
    correlationId: string,
  ): Promise<void> {
    const p = await this.payments.byAppointment(e.appointmentId);
    if (!p) return;
    const wasPaid = e.previousStatus !== undefined && PAID_STATUSES.includes(e.previousStatus);
    const decided = await this.settlements.decide(
      e.appointmentId,
      wasPaid ? 'CAPTURE' : 'VOID',
      'appointment.cancelled',
    );
    if (decided.outcome === 'VOID') return this.movements.release(p, correlationId);
    let capture = await this.ledger.findByReference(ref.capture(e.appointmentId));
    if (!capture) {
      // Decided CAPTURE but not posted yet (the confirmation's handler crashed, or it is this one).
      const hold = await this.movements.heldFee(p);
      if (!hold) throw new NotYet(`the fee of ${e.appointmentId} is not held yet`);
      capture = await this.movements.capture(p, hold, correlationId);
    }
    const decision = refundFor(capture.amountMinor, e.cancelledBy, new Date(e.start), cancelledAt, this.config);
    if (decision.amountMinor === 0) return;
    const paid = capture;
    const wallet = await this.wallets.get(paid.walletId);
    const { entry } = await this.ledger.post({
      wallet,
      type: EntryType.REFUND,
      amountMinor: decision.amountMinor,
      reference: ref.refund(e.appointmentId),
      title: 'Refund',
      subtitle: `${p.purpose === 'CONSULTATION_REQUEST' ? 'Consultation' : 'Appointment'} cancelled: ${decision.percent}% refunded`,
      appointmentId: e.appointmentId,
      paymentId: p._id,
      relatedReference: paid.reference,
      correlationId,
      events: (refund) => [
        createEvent(
          PaymentEvents.refundIssued,
          p._id,
          {
            refundId: refund._id,
            paymentId: p._id,
            appointmentId: e.appointmentId,
            patientId: p.patientId,
            amount: { amountMinor: decision.amountMinor, currency: paid.currency },
            paid: { amountMinor: paid.amountMinor, currency: paid.currency },
            percent: decision.percent,
            cancelledBy: e.cancelledBy,
            policy: decision.policy,
            reference: refund.reference,
          },
          { producer: 'wallet-claims', correlationId },
        ),
      ],
    });
    await this.payments.apply(p._id, PaymentEvent.REFUND, { refundedMinor: entry.amountMinor });
  }
}
