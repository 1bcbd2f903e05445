import { createHash } from 'node:crypto';
import { CallPreference, CallType, ConsultationStatus, type AppointmentEventBase } from '@telehealth/contracts';
import { derivedId } from '@telehealth/persistence';
import type { NewConsultation } from './consultation.store';

/** The session's id, from its appointment: whichever event comes first creates it, the others find it. */
export const consultationIdOf = (appointmentId: string): string => derivedId(`consultation:${appointmentId}`);

/** `room-{appointmentId}` (seed 000). */
export const roomOf = (appointmentId: string): string => `room-${appointmentId}`;

/** The appointment of a room we named; null for a room that is not ours. */
export const appointmentOfRoom = (room: string): string | null =>
  room.startsWith('room-') && room.length > 5 ? room.slice(5) : null;

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** VC-<yyyymmdd of the start>-<6 characters from the appointment>: the same for every event of it. */
export function numberOf(appointmentId: string, start: Date): string {
  const digest = createHash('sha256').update(appointmentId).digest();
  const code = Array.from(digest.subarray(0, 6), (b) => BASE32[b % BASE32.length]).join('');
  return `VC-${start.toISOString().slice(0, 10).replace(/-/g, '')}-${code}`;
}

export const callTypeOf = (preference: CallPreference | null | undefined): CallType =>
  preference === CallPreference.VOICE ? CallType.AUDIO : CallType.VIDEO;

/** A session for the appointment the event describes, as of the event. */
export function newSession(
  a: AppointmentEventBase,
  asOf: Date,
  names: { doctorName: string | null; patientName: string | null },
  status: ConsultationStatus = ConsultationStatus.SCHEDULED,
): NewConsultation {
  const start = new Date(a.start);
  return {
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
  };
}
