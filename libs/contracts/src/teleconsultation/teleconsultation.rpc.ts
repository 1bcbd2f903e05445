import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type {
  ClientEventRequest,
  ConsultationQuery,
  ConsultationView,
  FeedbackRequest,
  JoinTokenView,
  VideoWebhookAck,
  VideoWebhookRequest,
} from './teleconsultation.types';

type ById = { id: string };

export const TeleconsultationRpc = {
  list: defineRpc<ConsultationQuery, Page<ConsultationView>>(
    'teleconsultation',
    'consultations.list',
    1,
    'Consultation sessions visible to the caller, by scheduled start.',
  ),
  get: defineRpc<ById, ConsultationView>('teleconsultation', 'consultations.get', 1, 'One consultation session.'),
  join: defineRpc<ById, JoinTokenView>(
    'teleconsultation',
    'consultations.join',
    1,
    "A short-lived join token for the caller: the session's patient, doctor or an admin observer, inside the join window.",
  ),
  admit: defineRpc<ById, ConsultationView>(
    'teleconsultation',
    'consultations.admit',
    1,
    'The doctor admits the patient from the lobby.',
  ),
  end: defineRpc<ById, ConsultationView>(
    'teleconsultation',
    'consultations.end',
    1,
    'The doctor ends the call: call log, appointment completed.',
  ),
  reportEvent: defineRpc<ClientEventRequest, ConsultationView>(
    'teleconsultation',
    'consultations.events.report',
    1,
    'A participant reports what happened in the call (for providers without webhooks).',
  ),
  feedback: defineRpc<FeedbackRequest, ConsultationView>(
    'teleconsultation',
    'consultations.feedback',
    1,
    'The doctor or the patient rates the ended consultation, once each.',
  ),
  requestRecording: defineRpc<ById, ConsultationView>(
    'teleconsultation',
    'consultations.recording.request',
    1,
    "The doctor asks to record; allowed only with the patient's recorded consent.",
  ),
  webhook: defineRpc<VideoWebhookRequest, VideoWebhookAck>(
    'teleconsultation',
    'webhooks.video',
    1,
    'A video provider webhook, with its raw body and headers: verified, then applied once.',
  ),
} as const;
