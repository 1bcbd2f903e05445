import { defineEvent } from '../common/contract';
import type { AbsentParty, CallLogView, CallType, ConsultationStatus, EndedBy } from './teleconsultation.types';

/** What every consultation event carries: enough to notify and update the appointment without a lookup. */
export interface ConsultationEventBase {
  consultationId: string;
  number: string;
  appointmentId: string;
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
} as const;
