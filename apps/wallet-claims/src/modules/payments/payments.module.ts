import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TopUpsController } from '../top-ups/top-ups.controller';
import { TOP_UP_MODEL, TopUpSchema, WEBHOOK_RECEIPT_MODEL, WebhookReceiptSchema } from '../top-ups/top-up.schema';
import { TopUpsService } from '../top-ups/top-ups.service';
import { WebhooksService } from '../top-ups/webhooks.service';
import { BookingPaymentsConsumer } from './booking-payments.consumer';
import { ConsultationRequestPaymentsConsumer } from './consultation-request-payments.consumer';
import { PAYMENT_MODEL, PaymentSchema, SETTLEMENT_MODEL, SettlementSchema } from './payment.schema';
import { PaymentsController } from './payments.controller';
import { SettlementStore } from './settlement.store';
import { PaymentMovements } from './payment-movements';
import { PaymentStore } from './payment.store';
import { CapturePayment } from './usecases/capture-payment/capture-payment.usecase';
import { GetPayment } from './usecases/get-payment/get-payment.usecase';
import { HoldPayment } from './usecases/hold-payment/hold-payment.usecase';
import { ListPayments } from './usecases/list-payments/list-payments.usecase';
import { RecordCheckoutOutcome } from './usecases/record-checkout-outcome/record-checkout-outcome.usecase';
import { RefundPayment } from './usecases/refund-payment/refund-payment.usecase';
import { ReleasePayment } from './usecases/release-payment/release-payment.usecase';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';

/**
 * Money coming in and going to appointments: top-ups through the payment providers (and their
 * webhooks), and the booking saga (hold, capture, release, refund). One module, because a card
 * payment for an appointment is a top-up whose webhook then holds the fee.
 */
@Module({
  imports: [
    LedgerModule,
    IdempotencyModule,
    MongooseModule.forFeature([
      { name: PAYMENT_MODEL, schema: PaymentSchema },
      { name: SETTLEMENT_MODEL, schema: SettlementSchema },
      { name: TOP_UP_MODEL, schema: TopUpSchema },
      { name: WEBHOOK_RECEIPT_MODEL, schema: WebhookReceiptSchema },
    ]),
  ],
  controllers: [TopUpsController, PaymentsController],
  providers: [
    TopUpsService,
    WebhooksService,
    PaymentStore,
    SettlementStore,
    PaymentMovements,
    HoldPayment,
    RecordCheckoutOutcome,
    CapturePayment,
    ReleasePayment,
    RefundPayment,
    GetPayment,
    ListPayments,
    BookingPaymentsConsumer,
    ConsultationRequestPaymentsConsumer,
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
  ],
})
export class PaymentsModule {}
