import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PaymentProviderName, WebhookAck, WebhookRequest } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { claimOnce } from '@telehealth/persistence';
import { RecordCheckoutOutcome } from '../payments/usecases/record-checkout-outcome/record-checkout-outcome.usecase';
import { PAYMENT_PROVIDERS, type PaymentProviders } from '../providers/payment-provider';
import { TopUpsService } from './top-ups.service';
import { WEBHOOK_RECEIPT_MODEL, type WebhookReceiptDoc } from './top-up.schema';

/**
 * A provider's webhook: verified by the provider's own scheme (a bad one is 400 and changes
 * nothing), de-duplicated by the provider's event id, applied once. The receipt is written
 * after the work, so a crash in between makes the provider's retry redo it; that is safe
 * because the credit is the ledger entry with the top-up's unique reference.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @Inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @InjectModel(WEBHOOK_RECEIPT_MODEL) private readonly receipts: Model<WebhookReceiptDoc>,
    private readonly topUps: TopUpsService,
    private readonly checkoutOutcome: RecordCheckoutOutcome,
  ) {}

  async receive(q: WebhookRequest): Promise<WebhookAck> {
    const provider = this.providers.get(q.provider as PaymentProviderName);
    if (!provider) throw DomainError.notFound('Payment provider');
    const outcome = provider.parseWebhook(q.rawBody, q.headers, new Date());
    const receiptId = `${provider.name}:${outcome.eventId}`;
    if (await this.receipts.exists({ _id: receiptId })) return { received: true, applied: false };

    let applied = false;
    const topUp = outcome.reference ? await this.topUps.findByReference(outcome.reference) : null;
    if (outcome.kind !== 'IGNORED' && (!topUp || topUp.provider !== provider.name)) {
      this.logger.warn(`${provider.name} webhook ${outcome.eventId}: no top-up ${outcome.reference}; acknowledged`);
    } else if (topUp && outcome.kind === 'PAYMENT_SUCCEEDED') {
      applied = await this.topUps.credit(topUp, outcome, outcome.eventId);
      // A card payment for an appointment: the money is in the wallet now, hold the fee.
      if (topUp.appointmentId)
        await this.checkoutOutcome.execute({
          appointmentId: topUp.appointmentId,
          paid: true,
          correlationId: outcome.eventId,
        });
    } else if (topUp && outcome.kind === 'PAYMENT_FAILED') {
      applied = await this.topUps.fail(topUp, outcome.failureReason ?? 'The payment was declined', outcome.eventId);
      if (topUp.appointmentId && applied)
        await this.checkoutOutcome.execute({
          appointmentId: topUp.appointmentId,
          paid: false,
          reason: outcome.failureReason ?? 'The card payment failed',
        });
    }
    await claimOnce(this.receipts, {
      _id: receiptId,
      provider: provider.name,
      kind: outcome.kind,
      reference: outcome.reference,
      receivedAt: new Date(),
    });
    return { received: true, applied };
  }
}
