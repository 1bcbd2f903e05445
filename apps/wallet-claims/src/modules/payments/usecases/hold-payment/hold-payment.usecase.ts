import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PaymentMethod,
  PaymentRecordStatus,
  SandboxOutcome,
  type AppointmentHeldV1,
  type PaymentPurpose,
} from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { derivedId } from '../../../ledger/derived-id';
import { WalletStore } from '../../../ledger/wallet.store';
import { TopUpsService } from '../../../top-ups/top-ups.service';
import { PaymentEvent } from '../../payment-lifecycle';
import { PaymentMovements } from '../../payment-movements';
import type { PaymentDoc } from '../../payment.schema';
import { PaymentStore } from '../../payment.store';
import { SettlementStore } from '../../settlement.store';
import { Clock, IdGenerator } from '@telehealth/service-kit';

/**
 * A seat is held (scheduling's `appointment.held`, flow 2): the payment is recorded (once per
 * appointment) and its fee held on the patient's wallet, or, paid by card, a checkout is opened
 * whose webhook holds it later (RecordCheckoutOutcome). A hold that had lapsed, or a checkout the
 * provider refuses, fails the payment at once so scheduling frees the seat.
 */
@Injectable()
export class HoldPayment {
  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly movements: PaymentMovements,
    private readonly wallets: WalletStore,
    private readonly topUps: TopUpsService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * `e`: what the fee is for: an appointment's hold, or an on-demand consultation request (its id as
   * `appointmentId`, purpose CONSULTATION_REQUEST).
   */
  async execute(
    e: Pick<AppointmentHeldV1, 'appointmentId' | 'patientId' | 'fee' | 'holdExpiresAt' | 'paymentMethod'>,
    correlationId: string,
    purpose: PaymentPurpose = 'APPOINTMENT',
  ): Promise<void> {
    if (e.fee.amountMinor <= 0) return;
    const p = await this.payments.insertOrGet({
      _id: this.ids.uuid(),
      appointmentId: e.appointmentId,
      purpose,
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
    });
    if (await this.settlements.find(e.appointmentId)) return; // lapsed or cancelled already
    if (p.holdExpiresAt && p.holdExpiresAt.getTime() <= this.clock.now().getTime()) {
      const message = 'The booking hold had lapsed before the payment';
      return this.movements.failWithoutEntry(p, 'EXPIRED', message, correlationId);
    }
    if (p.method !== PaymentMethod.CARD) return this.movements.hold(p, correlationId);
    try {
      await this.openCardCheckout(p, correlationId);
    } catch (err) {
      // The provider refused the checkout (e.g. Paystack without an email): release the seat
      // now and say why, rather than let the hold run out. Unavailable providers are retried.
      if (!(err instanceof DomainError) || err.code === ErrorCode.UNAVAILABLE) throw err;
      const message = `The card checkout could not be opened: ${err.message}`;
      await this.movements.failWithoutEntry(p, 'DECLINED', message, correlationId);
    }
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
    await this.payments.apply(p._id, PaymentEvent.CHECKOUT_OPENED, {
      walletId: wallet._id,
      topUpId: topUp._id,
      checkoutUrl: topUp.checkoutUrl,
      providerReference: topUp.reference,
    });
  }
}
