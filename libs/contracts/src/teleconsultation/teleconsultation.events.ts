import { defineEvent } from '../common/contract';
import type { Money } from '../scheduling/scheduling.types';
import type {
  AbsentParty,
  CallLogView,
  CallType,
  ConsultationRequestStatus,
  ConsultationStatus,
  EndedBy,
} from './teleconsultation.types';
import type { ThreadSenderRole } from './threads.types';

/** What every consultation event carries: enough to notify and update the appointment without a lookup. */
export interface ConsultationEventBase {
  consultationId: string;
  number: string;
  /** Null for an on-demand consultation (then `requestId` is set). */
  appointmentId: string | null;
  requestId: string | null;
  doctorId: string;
  patientId: string;
  dependentId: string | null;
  callType: CallType;
  status: ConsultationStatus;
  scheduledStart: string;
  scheduledEnd: string;
}

export type ConsultationScheduledV1 = ConsultationEventBase;
export interface ConsultationWaitingV1 extends ConsultationEventBase {
  /** Who is in the room (or lobby) waiting for the other. */
  waiting: 'DOCTOR' | 'PATIENT';
}
export interface ConsultationAdmittedV1 extends ConsultationEventBase {
  admittedAt: string;
}
export interface ConsultationStartedV1 extends ConsultationEventBase {
  actualStart: string;
}
export interface ConsultationEndedV1 extends ConsultationEventBase {
  endedAt: string;
  endedBy: EndedBy;
  callLog: CallLogView;
}
export interface ConsultationNoShowV1 extends ConsultationEventBase {
  absent: AbsentParty;
}
export interface ConsultationCancelledV1 extends ConsultationEventBase {
  reason: string;
}
export interface ConsultationRescheduledV1 extends ConsultationEventBase {
  previousStart: string;
}

/** What every on-demand request event carries. */
export interface ConsultationRequestEventBase {
  requestId: string;
  number: string;
  patientId: string;
  specialtyCode: string;
  callType: CallType;
  fee: Money;
  status: ConsultationRequestStatus;
  expiresAt: string;
}
export type ConsultationRequestCreatedV1 = ConsultationRequestEventBase;
export type ConsultationRequestOpenedV1 = ConsultationRequestEventBase;
export interface ConsultationRequestAcceptedV1 extends ConsultationRequestEventBase {
  doctorId: string;
  consultationId: string;
}
export type ConsultationRequestExpiredV1 = ConsultationRequestEventBase;
export type ConsultationRequestCancelledV1 = ConsultationRequestEventBase;

/**
 * A message was posted in a thread. No message text (nor anything else written in the thread):
 * ids, who sent it, and whether it has text and attachments, for notifying and refetching.
 */
export interface ThreadMessagePostedV1 {
  threadId: string;
  messageId: string;
  seq: number;
  patientId: string;
  doctorId: string | null;
  organisationId: string | null;
  senderId: string;
  senderRole: ThreadSenderRole;
  /** The message has text (to read in the app, never in the event or a notification). */
  hasText: boolean;
  attachmentCount: number;
  postedAt: string;
}

export const TeleconsultationEvents = {
  consultationScheduled: defineEvent<ConsultationScheduledV1>(
    'teleconsultation',
    'consultation.scheduled',
    1,
    'An online appointment was confirmed: its consultation session and room exist.',
  ),
  consultationRescheduled: defineEvent<ConsultationRescheduledV1>(
    'teleconsultation',
    'consultation.rescheduled',
    1,
    'The appointment moved: the session (its join window and timers) moved with it.',
  ),
  consultationWaiting: defineEvent<ConsultationWaitingV1>(
    'teleconsultation',
    'consultation.waiting',
    1,
    'One side joined and waits for the other (the patient in the lobby until admitted).',
  ),
  consultationAdmitted: defineEvent<ConsultationAdmittedV1>(
    'teleconsultation',
    'consultation.admitted',
    1,
    'The doctor admitted the patient from the lobby: the patient can join the call.',
  ),
  consultationStarted: defineEvent<ConsultationStartedV1>(
    'teleconsultation',
    'consultation.started',
    1,
    'Both sides joined: the consultation is in progress (the appointment follows).',
  ),
  consultationEnded: defineEvent<ConsultationEndedV1>(
    'teleconsultation',
    'consultation.ended',
    1,
    'The call ended (by the doctor, or the system after the grace period): its call log.',
  ),
  consultationNoShow: defineEvent<ConsultationNoShowV1>(
    'teleconsultation',
    'consultation.no-show',
    1,
    'Nobody, or one side, joined within the wait after the start.',
  ),
  consultationCancelled: defineEvent<ConsultationCancelledV1>(
    'teleconsultation',
    'consultation.cancelled',
    1,
    'The appointment was cancelled: the session will not take place.',
  ),
  requestCreated: defineEvent<ConsultationRequestCreatedV1>(
    'teleconsultation',
    'consultation-request.created',
    1,
    'A patient asked for a consultation now: its fee is to be held on their wallet (wallet-claims).',
  ),
  requestOpened: defineEvent<ConsultationRequestOpenedV1>(
    'teleconsultation',
    'consultation-request.opened',
    1,
    'The fee is held: online doctors of the specialty can accept the request.',
  ),
  requestAccepted: defineEvent<ConsultationRequestAcceptedV1>(
    'teleconsultation',
    'consultation-request.accepted',
    1,
    'A doctor accepted (exactly one does): its consultation session starts now; the fee is captured.',
  ),
  requestExpired: defineEvent<ConsultationRequestExpiredV1>(
    'teleconsultation',
    'consultation-request.expired',
    1,
    'Nobody accepted in time: the held fee is released.',
  ),
  requestCancelled: defineEvent<ConsultationRequestCancelledV1>(
    'teleconsultation',
    'consultation-request.cancelled',
    1,
    'The patient withdrew the request before a doctor accepted it: the held fee is released.',
  ),
  threadMessagePosted: defineEvent<ThreadMessagePostedV1>(
    'teleconsultation',
    'thread-message.posted',
    1,
    'A participant posted a message in a secure thread: the other side is notified (no text in the event).',
  ),
} as const;
