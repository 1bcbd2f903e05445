import { Injectable } from '@nestjs/common';
import {
  PaymentEvents,
  type AppointmentPaymentCompletedV1,
  type AppointmentPaymentFailedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { AppointmentsService } from './appointments.service';

/** The payment step of the booking saga, as wallet-claims reports it. */
@Injectable()
export class PaymentOutcomeConsumer {
  constructor(private readonly appointments: AppointmentsService) {}

  @OnEvent(PaymentEvents.appointmentPaymentCompleted)
  completed(e: EventEnvelope<AppointmentPaymentCompletedV1>): Promise<void> {
    return this.appointments.paymentCompleted(
      e.payload.appointmentId,
      e.payload.reference,
      e.payload.coveredByInsurance,
      e.correlationId,
    );
  }

  @OnEvent(PaymentEvents.appointmentPaymentFailed)
  failed(e: EventEnvelope<AppointmentPaymentFailedV1>): Promise<void> {
    return this.appointments.paymentFailed(e.payload.appointmentId, e.payload.message, e.correlationId);
  }
}
