import { Injectable } from '@nestjs/common';
import {
  PaymentEvents,
  type AppointmentPaymentCompletedV1,
  type AppointmentPaymentFailedV1,
  type EventEnvelope,
  type RefundIssuedV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { RecordPaymentOutcome } from './usecases/record-payment-outcome/record-payment-outcome.usecase';
import { RecordRefund } from './usecases/record-refund/record-refund.usecase';

/** The payment step of the booking saga, as wallet-claims reports it. */
@Injectable()
export class PaymentOutcomeConsumer {
  constructor(
    private readonly recordPaymentOutcome: RecordPaymentOutcome,
    private readonly recordRefund: RecordRefund,
  ) {}

  @OnEvent(PaymentEvents.appointmentPaymentCompleted)
  completed(e: EventEnvelope<AppointmentPaymentCompletedV1>): Promise<void> {
    return this.recordPaymentOutcome.execute({
      appointmentId: e.payload.appointmentId,
      paid: true,
      reference: e.payload.reference,
      coveredByInsurance: e.payload.coveredByInsurance,
      correlationId: e.correlationId,
    });
  }

  @OnEvent(PaymentEvents.appointmentPaymentFailed)
  failed(e: EventEnvelope<AppointmentPaymentFailedV1>): Promise<void> {
    return this.recordPaymentOutcome.execute({
      appointmentId: e.payload.appointmentId,
      paid: false,
      message: e.payload.message,
      correlationId: e.correlationId,
    });
  }

  @OnEvent(PaymentEvents.refundIssued)
  refunded(e: EventEnvelope<RefundIssuedV1>): Promise<void> {
    return this.recordRefund.execute({ appointmentId: e.payload.appointmentId, correlationId: e.correlationId });
  }
}
