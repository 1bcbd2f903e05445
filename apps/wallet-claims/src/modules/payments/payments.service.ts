import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  AppointmentStatus,
  EntryStatus,
  EntryType,
  ErrorCode,
  PaymentEvents,
  PaymentMethod,
  PaymentRecordStatus,
  Role,
  SandboxOutcome,
  toPage,
  type AppointmentCancelledV1,
  type AppointmentHeldV1,
  type AppointmentPaymentFailedV1,
  type Page,
  type PaymentQuery,
  type PaymentView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { findPage, insertOrGet } from '@telehealth/persistence';
import { OutboxRelay, createEvent, withEvents } from '@telehealth/messaging/eventing';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { Ledger } from '../ledger/ledger';
import type { LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import { WalletStore } from '../ledger/wallet.store';
import { derivedId } from '../ledger/derived-id';
import { TopUpsService } from '../top-ups/top-ups.service';
import { toPaymentView } from './payment.mapper';
import { PAYMENT_MODEL, type PaymentDoc } from './payment.schema';
import { refundFor } from './refund-policy';
import { SettlementStore } from './settlement.store';

const ref = {
  hold: (appointmentId: string) => `HOLD_${appointmentId}`,
  capture: (appointmentId: string) => `CAPTURE_${appointmentId}`,
  release: (appointmentId: string) => `RELEASE_${appointmentId}`,
  refund: (appointmentId: string) => `REFUND_${appointmentId}`,
};

/** Statuses an appointment reaches only once its fee was captured. */
const PAID_STATUSES: AppointmentStatus[] = [AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS];

/** The statuses a payment record may move to each status from (setting one again is allowed). */
const STATUS_FROM: Record<PaymentRecordStatus, PaymentRecordStatus[]> = {
  [PaymentRecordStatus.PENDING]: [],
  [PaymentRecordStatus.COMPLETED]: [PaymentRecordStatus.PENDING, PaymentRecordStatus.COMPLETED],
  [PaymentRecordStatus.FAILED]: [PaymentRecordStatus.PENDING, PaymentRecordStatus.FAILED],
  [PaymentRecordStatus.VOIDED]: [PaymentRecordStatus.PENDING, PaymentRecordStatus.VOIDED],
  [PaymentRecordStatus.REFUNDED]: [
    PaymentRecordStatus.PENDING,
    PaymentRecordStatus.COMPLETED,
    PaymentRecordStatus.REFUNDED,
  ],
};

/** Thrown when an event arrived before the one it depends on: the consumer retries it later. */
class NotYet extends Error {}

const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/**
 * The payment step of booking (flows 2 and 4). Scheduling holds a seat; here the fee is held
 * on the patient's wallet (or collected by card first), and scheduling is told by event. The
 * money hold lives exactly as long as the seat hold: confirmation captures it; expiry, decline
 * or cancellation before that releases it (the settlement decides which, once); cancellation
 * after capture refunds by policy. Every movement has a unique reference, so every handler may
 * run again after a crash without moving money twice.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectModel(PAYMENT_MODEL) private readonly payments: Model<PaymentDoc>,
    private readonly settlements: SettlementStore,
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
    private readonly topUps: TopUpsService,
    private readonly relay: OutboxRelay,
    private readonly config: WalletClaimsConfig,
  ) {}

  /** A seat is held: record the payment and hold the fee (or open a card checkout). */
  async onHeld(e: AppointmentHeldV1, correlationId: string): Promise<void> {
    if (e.fee.amountMinor <= 0) return;
    const p = await this.ensurePayment(e);
    if (await this.settlements.find(e.appointmentId)) return; // lapsed or cancelled already
    if (p.holdExpiresAt && p.holdExpiresAt.getTime() <= Date.now()) {
      await this.failWithoutEntry(p, 'EXPIRED', 'The booking hold had lapsed before the payment', correlationId);
      return;
    }
    if (p.method === PaymentMethod.CARD) {
      try {
        await this.openCardCheckout(p, correlationId);
      } catch (err) {
        // The provider refused the checkout (e.g. Paystack without an email): release the seat
        // now and say why, rather than let the hold run out. Unavailable providers are retried.
        if (!(err instanceof DomainError) || err.code === ErrorCode.UNAVAILABLE) throw err;
        await this.failWithoutEntry(
          p,
          'DECLINED',
          `The card checkout could not be opened: ${err.message}`,
          correlationId,
        );
      }
      return;
    }
    await this.hold(p, correlationId);
  }

  /** A card payment's money arrived in the wallet (its top-up webhook): hold the fee now. */
  async holdForAppointment(appointmentId: string, correlationId: string): Promise<void> {
    const p = await this.paymentOf(appointmentId);
    if (!p || (await this.settlements.find(appointmentId))) return;
    await this.hold(p, correlationId);
  }

  /** Holds the fee on the patient's wallet, announcing the outcome to scheduling with the entry. */
  private async hold(p: PaymentDoc, correlationId: string): Promise<void> {
    const { appointmentId } = p;
    const wallet = await this.wallets.open(p.patientId, p.currency, correlationId);
    const amount = { amountMinor: p.amountMinor, currency: p.currency };
    const origin = { producer: 'wallet-claims' as const, correlationId };
    const { entry, refused } = await this.ledger.post({
      wallet,
      type: EntryType.HOLD,
      amountMinor: p.amountMinor,
      reference: ref.hold(appointmentId),
      title: 'Appointment payment',
      subtitle: 'Held until the appointment is confirmed',
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
            patientId: p.patientId,
            amount,
            method: p.method,
            coveredByInsurance: false,
            reference: ref.hold(appointmentId),
          },
          origin,
        ),
      ],
      onRefusal: {
        subtitle: 'Payment failed: insufficient funds',
        events: (failed) => [
          createEvent(
            PaymentEvents.appointmentPaymentFailed,
            p._id,
            this.failure(p, 'INSUFFICIENT_FUNDS', this.insufficientMessage(p, failed)),
            origin,
          ),
        ],
      },
    });
    if (entry.status === EntryStatus.FAILED || refused) {
      await this.setStatus(p._id, PaymentRecordStatus.FAILED, {
        walletId: wallet._id,
        failureReason: this.insufficientMessage(p, entry),
      });
      return;
    }
    await this.payments.updateOne(
      { _id: p._id },
      { $set: { walletId: wallet._id, reference: entry.reference, updatedAt: new Date() } },
    );
    // The booking may have lapsed while we held: whoever comes second gives the money back.
    if ((await this.settlements.find(appointmentId))?.outcome === 'VOID') await this.release(p, correlationId);
  }

  /** Confirmed: the held fee becomes a payment. */
  async onConfirmed(appointmentId: string, correlationId: string): Promise<void> {
    const p = await this.paymentOf(appointmentId);
    if (!p) return; // free, or paid outside the wallet
    const hold = await this.heldFee(p);
    if (!hold) return;
    const decided = await this.settlements.decide(appointmentId, 'CAPTURE', 'appointment.confirmed');
    if (decided.outcome !== 'CAPTURE') {
      this.logger.error(`appointment ${appointmentId} confirmed after its hold was voided (${decided.cause})`);
      return;
    }
    await this.capture(p, hold, correlationId);
  }

  /** The successful HOLD entry of a payment, or null (logged: confirmed without one is a bug). */
  private async heldFee(p: PaymentDoc): Promise<LedgerEntryDoc | null> {
    const hold = await this.ledger.findByReference(ref.hold(p.appointmentId));
    if (hold && hold.status !== EntryStatus.FAILED) return hold;
    this.logger.error(`appointment ${p.appointmentId} confirmed without a held fee (payment ${p.status})`);
    return null;
  }

  /** Posts the capture of a held fee (once: its reference is unique) and completes the payment. */
  private async capture(p: PaymentDoc, hold: LedgerEntryDoc, correlationId: string): Promise<LedgerEntryDoc> {
    const { appointmentId } = p;
    const wallet = await this.wallets.get(hold.walletId);
    const { entry } = await this.ledger.post({
      wallet,
      type: EntryType.CAPTURE,
      amountMinor: hold.amountMinor,
      reference: ref.capture(appointmentId),
      title: 'Appointment payment',
      subtitle: 'Paid',
      appointmentId,
      paymentId: p._id,
      relatedReference: hold.reference,
      correlationId,
    });
    await this.setStatus(p._id, PaymentRecordStatus.COMPLETED);
    return entry;
  }

  /** The booking ended before confirmation (lapsed, declined, cancelled, payment failed). */
  async onVoided(appointmentId: string, cause: string, correlationId: string): Promise<void> {
    const p = await this.paymentOf(appointmentId);
    const decided = await this.settlements.decide(appointmentId, 'VOID', cause);
    if (decided.outcome !== 'VOID' || !p) return;
    await this.release(p, correlationId);
  }

  /**
   * Cancelled: before confirmation the hold is released; after it, a refund by policy. An
   * appointment cancelled from CONFIRMED had been paid even if this service has not handled the
   * confirmation yet (events of two types may arrive in either order): it is captured here, so
   * the order never turns a late patient cancellation into a full release.
   */
  async onCancelled(e: AppointmentCancelledV1, occurredAt: Date, correlationId: string): Promise<void> {
    const p = await this.paymentOf(e.appointmentId);
    if (!p) return;
    const wasPaid = e.previousStatus !== undefined && PAID_STATUSES.includes(e.previousStatus);
    const decided = await this.settlements.decide(
      e.appointmentId,
      wasPaid ? 'CAPTURE' : 'VOID',
      'appointment.cancelled',
    );
    if (decided.outcome === 'VOID') return this.release(p, correlationId);
    let capture = await this.ledger.findByReference(ref.capture(e.appointmentId));
    if (!capture) {
      // Decided CAPTURE but not posted yet (the confirmation's handler crashed, or it is this one).
      const hold = await this.heldFee(p);
      if (!hold) throw new NotYet(`the fee of ${e.appointmentId} is not held yet`);
      capture = await this.capture(p, hold, correlationId);
    }
    const decision = refundFor(capture.amountMinor, e.cancelledBy, new Date(e.start), occurredAt, this.config);
    if (decision.amountMinor === 0) return;
    const wallet = await this.wallets.get(capture.walletId);
    const { entry } = await this.ledger.post({
      wallet,
      type: EntryType.REFUND,
      amountMinor: decision.amountMinor,
      reference: ref.refund(e.appointmentId),
      title: 'Refund',
      subtitle: `Appointment cancelled: ${decision.percent}% refunded`,
      appointmentId: e.appointmentId,
      paymentId: p._id,
      relatedReference: capture.reference,
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
            amount: { amountMinor: decision.amountMinor, currency: capture.currency },
            paid: { amountMinor: capture.amountMinor, currency: capture.currency },
            percent: decision.percent,
            cancelledBy: e.cancelledBy,
            policy: decision.policy,
            reference: refund.reference,
          },
          { producer: 'wallet-claims', correlationId },
        ),
      ],
    });
    await this.setStatus(p._id, PaymentRecordStatus.REFUNDED, { refundedMinor: entry.amountMinor });
  }

  /** A card checkout for an appointment failed at the provider: scheduling releases the seat. */
  async cardFailed(appointmentId: string, reason: string): Promise<void> {
    const p = await this.paymentOf(appointmentId);
    if (p && p.status === PaymentRecordStatus.PENDING) await this.failWithoutEntry(p, 'DECLINED', reason, randomUUID());
  }

  async get(id: string, meta: RequestMeta): Promise<PaymentView> {
    const caller = requireCaller(meta);
    const p = await this.payments.findById(id, { outbox: 0 }).lean<PaymentDoc>();
    if (!p || (p.patientId !== caller.userId && !caller.roles.includes(Role.ADMIN)))
      throw DomainError.notFound('Payment');
    return toPaymentView(p);
  }

  async list(q: PaymentQuery, meta: RequestMeta): Promise<Page<PaymentView>> {
    const caller = requireCaller(meta);
    const admin = caller.roles.includes(Role.ADMIN);
    const filter: FilterQuery<PaymentDoc> = admin ? {} : { patientId: caller.userId };
    if (q.patientId && admin) filter.patientId = q.patientId;
    if (q.appointmentId) filter.appointmentId = q.appointmentId;
    if (q.status) filter.status = q.status;
    const { items, total } = await findPage(this.payments, filter, { createdAt: -1, _id: 1 }, q, { outbox: 0 });
    return toPage(items.map(toPaymentView), total, q);
  }

  private paymentOf(appointmentId: string): Promise<PaymentDoc | null> {
    return this.payments.findOne({ appointmentId }, { outbox: 0 }).lean<PaymentDoc>().exec();
  }

  /** Gives a held fee back, if one is held; at most once (RELEASE_<appointment> is unique). */
  private async release(p: PaymentDoc, correlationId: string): Promise<void> {
    const hold = await this.ledger.findByReference(ref.hold(p.appointmentId));
    if (hold && hold.status === EntryStatus.PENDING) {
      const wallet = await this.wallets.get(hold.walletId);
      await this.ledger.post({
        wallet,
        type: EntryType.RELEASE,
        amountMinor: hold.amountMinor,
        reference: ref.release(p.appointmentId),
        title: 'Appointment payment',
        subtitle: 'Released: the booking did not go ahead',
        appointmentId: p.appointmentId,
        paymentId: p._id,
        relatedReference: hold.reference,
        correlationId,
      });
    }
    if (p.status === PaymentRecordStatus.PENDING) await this.setStatus(p._id, PaymentRecordStatus.VOIDED);
  }

  private async ensurePayment(e: AppointmentHeldV1): Promise<PaymentDoc> {
    const now = new Date();
    const doc: Omit<PaymentDoc, 'outbox'> = {
      _id: randomUUID(),
      appointmentId: e.appointmentId,
      patientId: e.patientId,
      walletId: null,
      amountMinor: e.fee.amountMinor,
      currency: e.fee.currency,
      method: e.paymentMethod === 'CARD' ? PaymentMethod.CARD : PaymentMethod.WALLET,
      status: PaymentRecordStatus.PENDING,
      reference: null,
      providerReference: null,
      checkoutUrl: null,
      topUpId: null,
      refundedMinor: 0,
      failureReason: null,
      holdExpiresAt: e.holdExpiresAt ? new Date(e.holdExpiresAt) : null,
      createdAt: now,
      updatedAt: now,
    };
    // One payment per appointment (unique appointmentId; its id is random, so look it up by that).
    return (await insertOrGet(this.payments, doc, () => this.paymentOf(e.appointmentId))).doc;
  }

  /** Card: the fee is collected as a top-up first; its webhook credits the wallet, then it is held. */
  private async openCardCheckout(p: PaymentDoc, correlationId: string): Promise<void> {
    if (p.checkoutUrl) return;
    const wallet = await this.wallets.open(p.patientId, p.currency, correlationId);
    const topUp = await this.topUps.start({
      id: derivedId(`appointment:${p.appointmentId}`),
      wallet,
      // The first of PAYMENT_PROVIDERS_ENABLED takes card payments.
      provider: this.topUps.defaultProvider(),
      amountMinor: p.amountMinor,
      description: 'Appointment fee',
      appointmentId: p.appointmentId,
      // The sandbox leaves a card checkout open for the payer (POST /v1/sandbox/checkout/...).
      sandbox: { outcome: SandboxOutcome.HOLD, delayMs: 0 },
      meta: { requestId: correlationId },
    });
    await this.payments.updateOne(
      { _id: p._id },
      {
        $set: {
          walletId: wallet._id,
          topUpId: topUp._id,
          checkoutUrl: topUp.checkoutUrl,
          providerReference: topUp.reference,
          updatedAt: new Date(),
        },
      },
    );
  }

  /** Fails a payment that never reached the ledger (lapsed hold, card declined): scheduling is told. */
  private async failWithoutEntry(
    p: PaymentDoc,
    reason: AppointmentPaymentFailedV1['reason'],
    message: string,
    correlationId: string,
  ): Promise<void> {
    const event = createEvent(PaymentEvents.appointmentPaymentFailed, p._id, this.failure(p, reason, message), {
      producer: 'wallet-claims',
      correlationId,
    });
    await this.payments.updateOne(
      { _id: p._id },
      withEvents<PaymentDoc>(
        { $set: { status: PaymentRecordStatus.FAILED, failureReason: message, updatedAt: new Date() } },
        [event],
      ),
    );
    this.relay.kick();
  }

  private failure(
    p: PaymentDoc,
    reason: AppointmentPaymentFailedV1['reason'],
    message: string,
  ): AppointmentPaymentFailedV1 {
    return {
      paymentId: p._id,
      appointmentId: p.appointmentId,
      patientId: p.patientId,
      amount: { amountMinor: p.amountMinor, currency: p.currency },
      reason,
      message,
    };
  }

  private insufficientMessage(p: PaymentDoc, entry: LedgerEntryDoc): string {
    const available = entry.balanceAfterMinor - entry.heldAfterMinor;
    return `Insufficient funds: the fee is ${formatMoney(p.amountMinor, p.currency)}, the wallet has ${formatMoney(available, p.currency)} available`;
  }

  /** Moves a payment record forward only: a late or replayed event never undoes a refund. */
  private async setStatus(id: string, status: PaymentRecordStatus, extra: Partial<PaymentDoc> = {}): Promise<void> {
    await this.payments.updateOne(
      { _id: id, status: { $in: STATUS_FROM[status] } },
      { $set: { status, ...extra, updatedAt: new Date() } },
    );
  }
}
