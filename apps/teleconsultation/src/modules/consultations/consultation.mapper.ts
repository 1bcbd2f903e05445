import type { CallLogView, ConsultationEventBase, ConsultationStatus, ConsultationView } from '@telehealth/contracts';
import type { CallLog, ConsultationDoc, Feedback } from './consultation.schema';

const iso = (d: Date): string => new Date(d).toISOString();
const isoOrNull = (d: Date | null | undefined): string | null => (d ? iso(d) : null);

const feedbackView = (f: Feedback | null) => (f ? { rating: f.rating, comment: f.comment, at: iso(f.at) } : null);

export const callLogView = (c: CallLog): CallLogView => ({
  start: isoOrNull(c.start),
  end: iso(c.end),
  durationSeconds: c.durationSeconds,
  status: c.status,
  quality: {
    video: c.quality.video ?? null,
    audio: c.quality.audio ?? null,
    networkIssues: c.quality.networkIssues ?? 0,
    networkIssueSeconds: c.quality.networkIssueSeconds ?? 0,
  },
});

export function toConsultationView(s: ConsultationDoc): ConsultationView {
  return {
    id: s._id,
    number: s.number,
    appointmentId: s.appointmentId,
    requestId: s.requestId,
    doctorId: s.doctorId,
    doctorName: s.doctorName,
    patientId: s.patientId,
    dependentId: s.dependentId,
    patientName: s.patientName,
    roomId: s.roomId,
    roomName: s.roomName,
    callType: s.callType,
    status: s.status,
    scheduledStart: iso(s.scheduledStart),
    scheduledEnd: iso(s.scheduledEnd),
    actualStart: isoOrNull(s.actualStart),
    endedAt: isoOrNull(s.endedAt),
    durationSeconds: s.durationSeconds,
    doctorJoinedAt: isoOrNull(s.doctorJoinedAt),
    patientJoinedAt: isoOrNull(s.patientJoinedAt),
    lobby: { patientWaiting: s.lobby.patientWaiting, admittedAt: isoOrNull(s.lobby.admittedAt) },
    endedBy: s.endedBy,
    cancellationReason: s.cancellationReason,
    absent: s.absent,
    callLog: s.callLog ? callLogView(s.callLog) : null,
    feedback: { doctor: feedbackView(s.feedback.doctor), patient: feedbackView(s.feedback.patient) },
    recording: {
      requested: s.recording.requested,
      requestedAt: isoOrNull(s.recording.requestedAt),
      consentedAt: isoOrNull(s.recording.consentedAt),
    },
    version: s.version,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

/** What every consultation event carries, as of `status`. */
export function eventBase(
  s: Pick<
    ConsultationDoc,
    | '_id'
    | 'number'
    | 'appointmentId'
    | 'requestId'
    | 'doctorId'
    | 'patientId'
    | 'dependentId'
    | 'callType'
    | 'scheduledStart'
    | 'scheduledEnd'
  >,
  status: ConsultationStatus,
): ConsultationEventBase {
  return {
    consultationId: s._id,
    number: s.number,
    appointmentId: s.appointmentId,
    requestId: s.requestId,
    doctorId: s.doctorId,
    patientId: s.patientId,
    dependentId: s.dependentId,
    callType: s.callType,
    status,
    scheduledStart: iso(s.scheduledStart),
    scheduledEnd: iso(s.scheduledEnd),
  };
}
