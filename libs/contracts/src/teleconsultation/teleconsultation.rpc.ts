import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type {
  ClientEventRequest,
  ConsultationRequestQuery,
  ConsultationRequestView,
  CreateConsultationRequest,
  ConsultationQuery,
  ConsultationView,
  FeedbackRequest,
  JoinTokenView,
  VideoWebhookAck,
  VideoWebhookRequest,
} from './teleconsultation.types';
import type {
  MarkReadRequest,
  MessageQuery,
  MessageView,
  OpenThreadRequest,
  PostMessageRequest,
  ThreadPage,
  ThreadQuery,
  ThreadRef,
  ThreadView,
} from './threads.types';

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
  createRequest: defineRpc<CreateConsultationRequest, ConsultationRequestView>(
    'teleconsultation',
    'requests.create',
    1,
    'A patient asks for a consultation now; the fee is held from their wallet.',
  ),
  listRequests: defineRpc<ConsultationRequestQuery, Page<ConsultationRequestView>>(
    'teleconsultation',
    'requests.list',
    1,
    "A patient's own requests; a doctor's: the open queue of their specialty and those they accepted.",
  ),
  getRequest: defineRpc<ById, ConsultationRequestView>('teleconsultation', 'requests.get', 1, 'One request.'),
  acceptRequest: defineRpc<ById, ConsultationRequestView>(
    'teleconsultation',
    'requests.accept',
    1,
    'An online doctor of the specialty takes the request (exactly one succeeds); its session starts now.',
  ),
  cancelRequest: defineRpc<ById, ConsultationRequestView>(
    'teleconsultation',
    'requests.cancel',
    1,
    'The patient withdraws a request no doctor has accepted; the fee is released.',
  ),
  openThread: defineRpc<OpenThreadRequest, ThreadView>(
    'teleconsultation',
    'threads.open',
    1,
    'The thread of a care relationship (patient and doctor, or patient and organisation): opened once, found after.',
  ),
  listThreads: defineRpc<ThreadQuery, ThreadPage>(
    'teleconsultation',
    'threads.list',
    1,
    "The caller's threads, newest activity first, with their unread counts and the total.",
  ),
  getThread: defineRpc<ThreadRef, ThreadView>(
    'teleconsultation',
    'threads.get',
    1,
    'One thread: its participants, or an admin with a stated reason (audited).',
  ),
  listMessages: defineRpc<MessageQuery, Page<MessageView>>(
    'teleconsultation',
    'threads.messages.list',
    1,
    "A thread's messages, newest first.",
  ),
  postMessage: defineRpc<PostMessageRequest, MessageView>(
    'teleconsultation',
    'threads.messages.post',
    1,
    'A participant posts a message (text, attachments): the next sequence number of the thread.',
  ),
  markThreadRead: defineRpc<MarkReadRequest, ThreadView>(
    'teleconsultation',
    'threads.read',
    1,
    "The caller's side has read the thread up to a message; never moves backwards.",
  ),
} as const;
