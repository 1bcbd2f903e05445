import { Injectable } from '@nestjs/common';
import {
  PaymentEvents,
  type AppointmentPaymentCompletedV1,
  type AppointmentPaymentFailedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { RecordPaymentOutcome } from './usecases/record-payment-outcome/record-payment-outcome.usecase';

/** The payment step of the booking saga, as wallet-claims reports it. */
@Injectable()
export class PaymentOutcomeConsumer {
  constructor(private readonly recordPaymentOutcome: RecordPaymentOutcome) {}

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
}
