import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  TeleconsultationRpc,
  type ClientEventRequest,
  type ConsultationQuery,
  type FeedbackRequest,
  type VideoWebhookRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AdmitPatient } from './usecases/admit-patient/admit-patient.usecase';
import { EndConsultation } from './usecases/end-consultation/end-consultation.usecase';
import { GetConsultation } from './usecases/get-consultation/get-consultation.usecase';
import { GiveFeedback } from './usecases/give-feedback/give-feedback.usecase';
import { HandleVideoWebhook } from './usecases/handle-video-webhook/handle-video-webhook.usecase';
import { JoinConsultation } from './usecases/join-consultation/join-consultation.usecase';
import { ListConsultations } from './usecases/list-consultations/list-consultations.usecase';
import { ReportClientEvent } from './usecases/report-client-event/report-client-event.usecase';
import { RequestRecording } from './usecases/request-recording/request-recording.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class ConsultationsController {
  constructor(
    private readonly getConsultation: GetConsultation,
    private readonly listConsultations: ListConsultations,
    private readonly joinConsultation: JoinConsultation,
    private readonly admitPatient: AdmitPatient,
    private readonly endConsultation: EndConsultation,
    private readonly reportClientEvent: ReportClientEvent,
    private readonly giveFeedback: GiveFeedback,
    private readonly requestRecording: RequestRecording,
    private readonly handleVideoWebhook: HandleVideoWebhook,
  ) {}

  @Rpc(TeleconsultationRpc.list)
  list(@Payload() q: ConsultationQuery, @Meta() m: RequestMeta) {
    return this.listConsultations.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.get)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.getConsultation.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.join)
  join(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.joinConsultation.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.admit)
  admit(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.admitPatient.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.end)
  end(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.endConsultation.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.reportEvent)
  report(@Payload() q: ClientEventRequest, @Meta() m: RequestMeta) {
    return this.reportClientEvent.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.feedback)
  feedback(@Payload() q: FeedbackRequest, @Meta() m: RequestMeta) {
    return this.giveFeedback.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.requestRecording)
  record(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.requestRecording.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.webhook)
  webhook(@Payload() q: VideoWebhookRequest, @Meta() m: RequestMeta) {
    return this.handleVideoWebhook.execute(q, m.requestId);
  }
}
