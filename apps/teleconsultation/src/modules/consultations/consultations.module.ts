import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { Clock, SystemClock } from '@telehealth/service-kit';
import { TeleconsultationQueues } from '../../queues';
import { ConsentsModule } from '../consents/consents.module';
import { DoctorsModule } from '../doctors/doctors.module';
import { ConsultationChanges } from './consultation-changes';
import { CONSULTATION_MODEL, ConsultationSchema } from './consultation.schema';
import { ConsultationStore } from './consultation.store';
import { ConsultationTimers } from './consultation-timers';
import { ConsultationTimersWorker } from './consultation-timers.worker';
import { ConsultationsController } from './consultations.controller';
import { ParticipantNames } from './participant-names';
import { AdmitPatient } from './usecases/admit-patient/admit-patient.usecase';
import { CancelConsultation } from './usecases/cancel-consultation/cancel-consultation.usecase';
import { EndConsultation } from './usecases/end-consultation/end-consultation.usecase';
import { GetConsultation } from './usecases/get-consultation/get-consultation.usecase';
import { GiveFeedback } from './usecases/give-feedback/give-feedback.usecase';
import { HandleVideoWebhook } from './usecases/handle-video-webhook/handle-video-webhook.usecase';
import { JoinConsultation } from './usecases/join-consultation/join-consultation.usecase';
import { ListConsultations } from './usecases/list-consultations/list-consultations.usecase';
import { OpenConsultation } from './usecases/open-consultation/open-consultation.usecase';
import { RecordPresence } from './usecases/record-presence/record-presence.usecase';
import { ReportClientEvent } from './usecases/report-client-event/report-client-event.usecase';
import { RequestRecording } from './usecases/request-recording/request-recording.usecase';
import { RescheduleConsultation } from './usecases/reschedule-consultation/reschedule-consultation.usecase';
import { RunTimer } from './usecases/run-timer/run-timer.usecase';

/**
 * Consultation sessions (flow 3): one per online appointment, followed from scheduling's events,
 * joined with per-person tokens of the video provider (VIDEO_PROVIDER, from the global
 * VideoModule), moved along by the provider's webhooks and the clients' reports, ended with a call
 * log, or marked a no-show by its timers.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: CONSULTATION_MODEL, schema: ConsultationSchema }]),
    JobsModule.forFeature([
      {
        queue: TeleconsultationQueues.timers,
        jobs: { attempts: 5, backoffMs: 1_000, removeOnComplete: true, removeOnFail: 1_000 },
      },
    ]),
    DoctorsModule,
    ConsentsModule,
  ],
  controllers: [ConsultationsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    ConsultationStore,
    ConsultationChanges,
    ConsultationTimers,
    ConsultationTimersWorker,
    ParticipantNames,
    OpenConsultation,
    CancelConsultation,
    RescheduleConsultation,
    JoinConsultation,
    AdmitPatient,
    RecordPresence,
    EndConsultation,
    RunTimer,
    ReportClientEvent,
    GiveFeedback,
    RequestRecording,
    HandleVideoWebhook,
    GetConsultation,
    ListConsultations,
  ],
  exports: [
    ConsultationStore,
    ConsultationTimers,
    ParticipantNames,
    OpenConsultation,
    CancelConsultation,
    RescheduleConsultation,
  ],
})
export class ConsultationsModule {}
