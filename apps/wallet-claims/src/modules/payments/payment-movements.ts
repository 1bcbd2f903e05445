import { Injectable, Logger } from '@nestjs/common';
import {
  EntryStatus,
  EntryType,
  PaymentEvents,
  type AppointmentPaymentFailedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { Ledger } from '../ledger/ledger';
import type { LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import { WalletStore } from '../ledger/wallet.store';
import { PaymentEvent } from './payment-lifecycle';
import type { PaymentDoc } from './payment.schema';
import { PaymentStore } from './payment.store';
import { SettlementStore } from './settlement.store';

/** The unique ledger references of an appointment's money: each movement happens at most once. */
export const ref = {
  hold: (appointmentId: string) => `HOLD_${appointmentId}`,
  capture: (appointmentId: string) => `CAPTURE_${appointmentId}`,
  release: (appointmentId: string) => `RELEASE_${appointmentId}`,
  refund: (appointmentId: string) => `REFUND_${appointmentId}`,
};

/** What the owner reads on the ledger entry. */
const titleOf = (p: Pick<PaymentDoc, 'purpose'>): string =>
  p.purpose === 'CONSULTATION_REQUEST' ? 'On-demand consultation' : 'Appointment payment';

const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

const origin = (correlationId: string) => ({ producer: 'wallet-claims' as const, correlationId });

/**
 * The steps several payment use cases take: hold, capture and release a fee on the ledger (each
 * posting once, by its unique reference) and record them on the payment through its lifecycle.
 * Only the use cases call these; deciding when is theirs.
 */
@Injectable()
export class PaymentMovements {
  private readonly logger = new Logger(PaymentMovements.name);

  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
  ) {}

  /** Holds the fee on the patient's wallet, announcing the outcome to scheduling with the entry. */
  async hold(p: PaymentDoc, correlationId: string): Promise<void> {
    const { appointmentId } = p;
    const wallet = await this.wallets.open(p.patientId, p.currency, correlationId);
    const amount = { amountMinor: p.amountMinor, currency: p.currency };
    const { entry, refused } = await this.ledger.post({
      wallet,
      type: EntryType.HOLD,
      amountMinor: p.amountMinor,
      reference: ref.hold(appointmentId),
      title: titleOf(p),
      subtitle:
        p.purpose === 'CONSULTATION_REQUEST'
          ? 'Held until a doctor accepts'
          : 'Held until the appointment is confirmed',
      appointmentId,
      paymentId: p._id,
      correlationId,
      events: () => [
        createEvent(
          PaymentEvents.appointmentPaymentCompleted,
          p._id,
          {
            paymentId: p._id,
            appointmentId,
            purpose: p.purpose ?? 'APPOINTMENT',
            patientId: p.patientId,
            amount,
            method: p.method,
            coveredByInsurance: false,
            reference: ref.hold(appointmentId),
          },
          origin(correlationId),
        ),
      ],
      onRefusal: {
        subtitle: 'Payment failed: insufficient funds',
        events: (failed) => [
          createEvent(
            PaymentEvents.appointmentPaymentFailed,
            p._id,
            failureOf(p, 'INSUFFICIENT_FUNDS', insufficientMessage(p, failed)),
            origin(correlationId),
          ),
        ],
      },
    });
    if (entry.status === EntryStatus.FAILED || refused) {
      await this.payments.apply(p._id, PaymentEvent.FAIL, {
        walletId: wallet._id,
        failureReason: insufficientMessage(p, entry),
      });
      return;
    }
    await this.payments.apply(p._id, PaymentEvent.HELD, { walletId: wallet._id, reference: entry.reference });
    // The booking may have lapsed while we held: whoever comes second gives the money back.
    if ((await this.settlements.find(appointmentId))?.outcome === 'VOID') await this.release(p, correlationId);
  }

  /** The successful HOLD entry of a payment, or null (logged: confirmed without one is a bug). */
  async heldFee(p: PaymentDoc): Promise<LedgerEntryDoc | null> {
    const hold = await this.ledger.findByReference(ref.hold(p.appointmentId));
    if (hold && hold.status !== EntryStatus.FAILED) return hold;
    this.logger.error(`appointment ${p.appointmentId} confirmed without a held fee (payment ${p.status})`);
    return null;
  }

  /** Posts the capture of a held fee (once: its reference is unique) and completes the payment. */
  async capture(p: PaymentDoc, hold: LedgerEntryDoc, correlationId: string): Promise<LedgerEntryDoc> {
    const { appointmentId } = p;
    const wallet = await this.wallets.get(hold.walletId);
    const { entry } = await this.ledger.post({
      wallet,
      type: EntryType.CAPTURE,
      amountMinor: hold.amountMinor,
      reference: ref.capture(appointmentId),
      title: titleOf(p),
      subtitle: 'Paid',
      appointmentId,
      paymentId: p._id,
      relatedReference: hold.reference,
      correlationId,
    });
    await this.payments.apply(p._id, PaymentEvent.COMPLETE);
    return entry;
  }

  /** Gives a held fee back, if one is held; at most once (RELEASE_<appointment> is unique). */
  async release(p: PaymentDoc, correlationId: string): Promise<void> {
    const hold = await this.ledger.findByReference(ref.hold(p.appointmentId));
    if (hold && hold.status === EntryStatus.PENDING) {
      const wallet = await this.wallets.get(hold.walletId);
      await this.ledger.post({
        wallet,
        type: EntryType.RELEASE,
        amountMinor: hold.amountMinor,
        reference: ref.release(p.appointmentId),
        title: titleOf(p),
        subtitle:
          p.purpose === 'CONSULTATION_REQUEST'
            ? 'Released: no doctor took the request'
            : 'Released: the booking did not go ahead',
        appointmentId: p.appointmentId,
        paymentId: p._id,
        relatedReference: hold.reference,
        correlationId,
      });
    }
    await this.payments.apply(p._id, PaymentEvent.VOID);
  }

  /** Fails a payment that never reached the ledger (lapsed hold, card declined): scheduling is told. */
  async failWithoutEntry(
    p: PaymentDoc,
    reason: AppointmentPaymentFailedV1['reason'],
    message: string,
    correlationId: string,
  ): Promise<void> {
    const event: EventEnvelope = createEvent(
      PaymentEvents.appointmentPaymentFailed,
      p._id,
      failureOf(p, reason, message),
      origin(correlationId),
    );
    await this.payments.apply(p._id, PaymentEvent.FAIL, { failureReason: message }, [event]);
  }
}

function failureOf(
  p: PaymentDoc,
  reason: AppointmentPaymentFailedV1['reason'],
  message: string,
): AppointmentPaymentFailedV1 {
  return {
    paymentId: p._id,
    appointmentId: p.appointmentId,
    purpose: p.purpose ?? 'APPOINTMENT',
    patientId: p.patientId,
    amount: { amountMinor: p.amountMinor, currency: p.currency },
    reason,
    message,
  };
}

function insufficientMessage(p: PaymentDoc, entry: LedgerEntryDoc): string {
  const available = entry.balanceAfterMinor - entry.heldAfterMinor;
  return `Insufficient funds: the fee is ${formatMoney(p.amountMinor, p.currency)}, the wallet has ${formatMoney(available, p.currency)} available`;
}
