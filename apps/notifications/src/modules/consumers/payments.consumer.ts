import { Injectable } from '@nestjs/common';
import {
  EntryType,
  NotificationKind,
  PaymentEvents,
  WalletEvents,
  type AppointmentPaymentCompletedV1,
  type AppointmentPaymentFailedV1,
  type EventEnvelope,
  type RefundIssuedV1,
  type TopUpFailedV1,
  type WalletMovementV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { formatMoney } from '../templates/format';
import { termsFor } from '../templates/render';

/** Receipts, failures and refunds (transactional: always sent). */
@Injectable()
export class PaymentNotificationsConsumer {
  constructor(private readonly dispatcher: Dispatcher) {}

  @OnEvent(PaymentEvents.appointmentPaymentCompleted)
  async paid(e: EventEnvelope<AppointmentPaymentCompletedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.PAYMENT_RECEIPT,
      userId: p.patientId,
      ...causedBy(e),
      data: { appointmentId: p.appointmentId, paymentId: p.paymentId },
      vars: (r) => ({
        firstName: r.firstName,
        amount: formatMoney(p.amount, r.locale),
        method: termsFor(r.locale).paymentMethod[p.method] ?? p.method,
        reference: p.reference,
      }),
    });
  }

  @OnEvent(PaymentEvents.appointmentPaymentFailed)
  async failed(e: EventEnvelope<AppointmentPaymentFailedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.PAYMENT_FAILED,
      userId: p.patientId,
      ...causedBy(e),
      data: { appointmentId: p.appointmentId, paymentId: p.paymentId },
      vars: (r) => ({
        firstName: r.firstName,
        amount: formatMoney(p.amount, r.locale),
        reason: termsFor(r.locale).paymentFailure[p.reason] ?? p.message,
      }),
    });
  }

  @OnEvent(PaymentEvents.refundIssued)
  async refunded(e: EventEnvelope<RefundIssuedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.REFUND_ISSUED,
      userId: p.patientId,
      ...causedBy(e),
      data: { appointmentId: p.appointmentId, paymentId: p.paymentId, refundId: p.refundId },
      vars: (r) => ({
        firstName: r.firstName,
        amount: formatMoney(p.amount, r.locale),
        paid: formatMoney(p.paid, r.locale),
        percent: String(p.percent),
        reference: p.reference,
      }),
    });
  }

  /** Top-ups and adjustments in; a refund has its own message (refund.issued). */
  @OnEvent(WalletEvents.walletCredited)
  async credited(e: EventEnvelope<WalletMovementV1>): Promise<void> {
    const p = e.payload;
    if (p.type !== EntryType.CREDIT) return;
    await this.dispatcher.send({
      kind: NotificationKind.WALLET_TOPPED_UP,
      userId: p.userId,
      ...causedBy(e),
      data: { walletId: p.walletId, entryId: p.entryId },
      vars: (r) => ({
        firstName: r.firstName,
        amount: formatMoney(p.amount, r.locale),
        balance: formatMoney(p.balanceAfter, r.locale),
        reference: p.reference,
      }),
    });
  }

  @OnEvent(WalletEvents.topUpFailed)
  async topUpFailed(e: EventEnvelope<TopUpFailedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.TOP_UP_FAILED,
      userId: p.userId,
      ...causedBy(e),
      data: { walletId: p.walletId, topUpId: p.topUpId },
      vars: (r) => ({ firstName: r.firstName, amount: formatMoney(p.amount, r.locale), reason: p.reason }),
    });
  }
}
