import { Injectable } from '@nestjs/common';
import {
  AbsentParty,
  TeleconsultationEvents,
  type ConsultationEndedV1,
  type ConsultationNoShowV1,
  type ConsultationStartedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import {
  RecordConsultationOutcome,
  type ConsultationOutcome,
} from './usecases/record-consultation-outcome/record-consultation-outcome.usecase';

/** Online appointments follow their consultation sessions, as teleconsultation reports them. */
@Injectable()
export class ConsultationOutcomeConsumer {
  constructor(private readonly record: RecordConsultationOutcome) {}

  /** On-demand consultations (no appointment) are teleconsultation's alone. */
  private follow(appointmentId: string | null, outcome: ConsultationOutcome, correlationId: string): Promise<void> {
    return appointmentId ? this.record.execute({ appointmentId, outcome, correlationId }) : Promise.resolve();
  }

  @OnEvent(TeleconsultationEvents.consultationStarted)
  started(e: EventEnvelope<ConsultationStartedV1>): Promise<void> {
    return this.follow(e.payload.appointmentId, 'started', e.correlationId);
  }

  @OnEvent(TeleconsultationEvents.consultationEnded)
  ended(e: EventEnvelope<ConsultationEndedV1>): Promise<void> {
    return this.follow(e.payload.appointmentId, 'ended', e.correlationId);
  }

  @OnEvent(TeleconsultationEvents.consultationNoShow)
  noShow(e: EventEnvelope<ConsultationNoShowV1>): Promise<void> {
    const absent = e.payload.absent === AbsentParty.DOCTOR ? 'doctor-absent' : 'patient-absent';
    return this.follow(e.payload.appointmentId, absent, e.correlationId);
  }
}
