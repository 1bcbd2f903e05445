import { Injectable } from '@nestjs/common';
import {
  TeleconsultationEvents,
  type ConsultationEndedV1,
  type ConsultationNoShowV1,
  type ConsultationStartedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { RecordConsultationOutcome } from './usecases/record-consultation-outcome/record-consultation-outcome.usecase';

/** Online appointments follow their consultation sessions, as teleconsultation reports them. */
@Injectable()
export class ConsultationOutcomeConsumer {
  constructor(private readonly record: RecordConsultationOutcome) {}

  @OnEvent(TeleconsultationEvents.consultationStarted)
  started(e: EventEnvelope<ConsultationStartedV1>): Promise<void> {
    return this.record.execute({
      appointmentId: e.payload.appointmentId,
      outcome: 'started',
      correlationId: e.correlationId,
    });
  }

  @OnEvent(TeleconsultationEvents.consultationEnded)
  ended(e: EventEnvelope<ConsultationEndedV1>): Promise<void> {
    return this.record.execute({
      appointmentId: e.payload.appointmentId,
      outcome: 'ended',
      correlationId: e.correlationId,
    });
  }

  @OnEvent(TeleconsultationEvents.consultationNoShow)
  noShow(e: EventEnvelope<ConsultationNoShowV1>): Promise<void> {
    return this.record.execute({
      appointmentId: e.payload.appointmentId,
      outcome: 'no-show',
      correlationId: e.correlationId,
    });
  }
}
