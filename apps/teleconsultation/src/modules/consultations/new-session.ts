import { CallPreference, CallType, ConsultationStatus, type AppointmentEventBase } from '@telehealth/contracts';
import { derivedId } from '@telehealth/persistence';
import { readableNumber } from '../../common/readable-number';
import type { NewConsultation } from './consultation.store';

/**
 * The session's id, from its appointment (or on-demand request): whichever event comes first
 * creates it, the others find it.
 */
export const consultationIdOf = (subjectId: string): string => derivedId(`consultation:${subjectId}`);

/** `room-{appointmentId}` (seed 000), or `room-{requestId}`. */
export const roomOf = (subjectId: string): string => `room-${subjectId}`;

/** The appointment or request of a room we named; null for a room that is not ours. */
export const subjectOfRoom = (room: string): string | null =>
  room.startsWith('room-') && room.length > 5 ? room.slice(5) : null;

/** VC-<yyyymmdd of the start>-<6 characters from the appointment or request>: the same for every event of it. */
export const numberOf = (subjectId: string, start: Date): string => readableNumber('VC', subjectId, start);

export const callTypeOf = (preference: CallPreference | null | undefined): CallType =>
  preference === CallPreference.VOICE ? CallType.AUDIO : CallType.VIDEO;

/** A session starting now for an on-demand request the doctor accepted. */
export function newOnDemandSession(
  r: { _id: string; number: string; patientId: string; dependentId: string | null; callType: CallType },
  doctorId: string,
  start: Date,
  minutes: number,
  names: { doctorName: string | null; patientName: string | null },
): NewConsultation {
  return {
    ...blankSession(),
    _id: consultationIdOf(r._id),
    number: numberOf(r._id, start),
    appointmentId: null,
    requestId: r._id,
    doctorId,
    patientId: r.patientId,
    dependentId: r.dependentId,
    ...names,
    roomId: roomOf(r._id),
    roomName: `On-demand consultation ${r.number}`,
    callType: r.callType,
    status: ConsultationStatus.SCHEDULED,
    scheduledStart: start,
    scheduledEnd: new Date(start.getTime() + minutes * 60_000),
    scheduleAsOf: start,
  };
}

/** What every new session starts with: nobody joined, nothing logged. */
const blankSession = () => ({
  actualStart: null,
  endedAt: null,
  durationSeconds: null,
  doctorJoinedAt: null,
  patientJoinedAt: null,
  present: { doctor: false, patient: false },
  lobby: { patientWaiting: false, admittedAt: null },
  endedBy: null,
  cancellationReason: null,
  absent: null,
  quality: { video: null, audio: null, networkIssues: 0, networkIssueSeconds: 0 },
  callLog: null,
  feedback: { doctor: null, patient: null },
  recording: { requested: false, requestedAt: null, consentedAt: null },
  presenceSource: null,
  seenEvents: [],
});

/** A session for the appointment the event describes, as of the event. */
export function newSession(
  a: AppointmentEventBase,
  asOf: Date,
  names: { doctorName: string | null; patientName: string | null },
  status: ConsultationStatus = ConsultationStatus.SCHEDULED,
): NewConsultation {
  const start = new Date(a.start);
  return {
    ...blankSession(),
    _id: consultationIdOf(a.appointmentId),
    number: numberOf(a.appointmentId, start),
    appointmentId: a.appointmentId,
    requestId: null,
    doctorId: a.doctorId,
    doctorName: names.doctorName,
    patientId: a.patientId,
    dependentId: a.dependentId,
    patientName: names.patientName,
    roomId: roomOf(a.appointmentId),
    roomName: `Consultation ${a.number}`,
    callType: callTypeOf(a.callPreference),
    status,
    scheduledStart: start,
    scheduledEnd: new Date(a.end),
    scheduleAsOf: asOf,
  };
}
