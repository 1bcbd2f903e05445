import { Injectable } from '@nestjs/common';
import {
  PaymentEvents,
  TeleconsultationEvents,
  type AppointmentPaymentCompletedV1,
  type AppointmentPaymentFailedV1,
  type ConsultationRequestAcceptedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { ConsultationRequestStore } from './consultation-request.store';
import { OpenOnDemandSession } from './usecases/open-on-demand-session/open-on-demand-session.usecase';
import { RecordRequestPayment } from './usecases/record-request-payment/record-request-payment.usecase';

/** The wallet's answer for on-demand requests, and the requests' own acceptance (its session, should the accept have stopped short). */
@Injectable()
export class RequestEventsConsumer {
  constructor(
    private readonly recordPayment: RecordRequestPayment,
    private readonly openSession: OpenOnDemandSession,
    private readonly store: ConsultationRequestStore,
  ) {}

  @OnEvent(PaymentEvents.appointmentPaymentCompleted)
  async paid(e: EventEnvelope<AppointmentPaymentCompletedV1>): Promise<void> {
    if (e.payload.purpose !== 'CONSULTATION_REQUEST') return;
    await this.recordPayment.execute({
      requestId: e.payload.appointmentId,
      paid: true,
      correlationId: e.correlationId,
    });
  }

  @OnEvent(PaymentEvents.appointmentPaymentFailed)
  async failed(e: EventEnvelope<AppointmentPaymentFailedV1>): Promise<void> {
    if (e.payload.purpose !== 'CONSULTATION_REQUEST') return;
    await this.recordPayment.execute({
      requestId: e.payload.appointmentId,
      paid: false,
      message: e.payload.message,
      correlationId: e.correlationId,
    });
  }

  @OnEvent(TeleconsultationEvents.requestAccepted)
  async accepted(e: EventEnvelope<ConsultationRequestAcceptedV1>): Promise<void> {
    const r = await this.store.load(e.payload.requestId);
    if (r) await this.openSession.execute(r, e.correlationId);
  }
}
