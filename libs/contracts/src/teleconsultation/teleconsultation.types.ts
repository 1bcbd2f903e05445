import type { PageQuery } from '../common/pagination';

/**
 * A consultation session's lifecycle (seed 001 `video_consultations`): SCHEDULED -> WAITING (one
 * side in the room or lobby) -> IN_PROGRESS (both joined) -> COMPLETED, with CANCELLED and NO_SHOW
 * as the other ends.
 */
export enum ConsultationStatus {
  SCHEDULED = 'SCHEDULED',
  WAITING = 'WAITING',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}

/** VIDEO, or AUDIO only (the appointment's call preference VOICE): tokens then cannot publish video. */
export enum CallType {
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
}

/** The video platforms a deployment can use (VIDEO_PROVIDER). */
export enum VideoProviderName {
  LIVEKIT = 'livekit',
  JITSI = 'jitsi',
  DAILY = 'daily',
}

/** What a join token lets its holder do: the doctor hosts (moderates); an admin observes. */
export enum ParticipantRole {
  HOST = 'HOST',
  PARTICIPANT = 'PARTICIPANT',
  OBSERVER = 'OBSERVER',
}

/** Who never joined a session marked NO_SHOW. */
export enum AbsentParty {
  PATIENT = 'PATIENT',
  DOCTOR = 'DOCTOR',
  BOTH = 'BOTH',
}

export enum EndedBy {
  DOCTOR = 'DOCTOR',
  PATIENT = 'PATIENT',
  SYSTEM = 'SYSTEM',
}

/** Seed 000 `call_logs.status`. */
export enum CallLogStatus {
  COMPLETED = 'COMPLETED',
  MISSED = 'MISSED',
  CANCELLED = 'CANCELLED',
}

export type QualityLevel = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';

export interface CallLogView {
  start: string | null;
  end: string;
  durationSeconds: number;
  status: CallLogStatus;
  quality: {
    /** The worst level reported during the call; null when nobody reported one. */
    video: QualityLevel | null;
    audio: QualityLevel | null;
    networkIssues: number;
    networkIssueSeconds: number;
  };
}

export interface FeedbackView {
  /** 1-5. */
  rating: number;
  comment: string | null;
  at: string;
}

/** A consultation session as its participants (and admins) see it. */
export interface ConsultationView {
  id: string;
  /** Human-readable (seed 001 `consultationId`), e.g. VC-20261202-4F7K2Q. */
  number: string;
  /** The online appointment it is the call of; null for an on-demand consultation. */
  appointmentId: string | null;
  /** The on-demand request it answers (seed 000 `telemedicine_requests`); null for an appointment's. */
  requestId: string | null;
  doctorId: string;
  doctorName: string | null;
  patientId: string;
  dependentId: string | null;
  patientName: string | null;
  /** `room-{appointmentId}` (seed 000). */
  roomId: string;
  roomName: string;
  callType: CallType;
  status: ConsultationStatus;
  scheduledStart: string;
  scheduledEnd: string;
  actualStart: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  doctorJoinedAt: string | null;
  patientJoinedAt: string | null;
  /** The patient waits here until the doctor admits them. */
  lobby: { patientWaiting: boolean; admittedAt: string | null };
  endedBy: EndedBy | null;
  cancellationReason: string | null;
  absent: AbsentParty | null;
  callLog: CallLogView | null;
  feedback: { doctor: FeedbackView | null; patient: FeedbackView | null };
  recording: { requested: boolean; requestedAt: string | null; consentedAt: string | null };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a participant needs to enter the room: for the caller only, minutes long. */
export interface JoinTokenView {
  provider: VideoProviderName;
  /** Where the client connects (LiveKit's wss URL, the Jitsi or Daily room URL). */
  url: string;
  room: string;
  token: string;
  expiresAt: string;
  role: ParticipantRole;
  callType: CallType;
  /** True: the patient is in the lobby until the doctor admits them (join again after). */
  lobby: boolean;
}

export interface ConsultationQuery extends PageQuery {
  status?: ConsultationStatus;
  /** The session of one appointment. */
  appointmentId?: string;
  /** Scheduled start from (inclusive), ISO date-time or date. */
  from?: string;
  to?: string;
}

/** What a client reports from the call when the provider sends no webhook (the webhook wins). */
export enum ClientEventKind {
  JOINED = 'JOINED',
  LEFT = 'LEFT',
  NETWORK_ISSUE = 'NETWORK_ISSUE',
  QUALITY = 'QUALITY',
}

export interface ClientEventRequest {
  id: string;
  kind: ClientEventKind;
  /** NETWORK_ISSUE: how long it lasted. */
  durationSeconds?: number;
  /** QUALITY: what the client measured. */
  video?: QualityLevel;
  audio?: QualityLevel;
}

export interface FeedbackRequest {
  id: string;
  rating: number;
  comment?: string;
}

export interface VideoWebhookRequest {
  provider: string;
  rawBody: string;
  headers: Record<string, string>;
}

export interface VideoWebhookAck {
  received: true;
  /** False when this delivery was a replay (same event id) or changed nothing. */
  applied: boolean;
}

/**
 * An on-demand consultation request (seed 000 `telemedicine_requests`): PENDING_PAYMENT (the fee
 * is being held) -> OPEN (online doctors of the specialty see it) -> ACCEPTED (the first doctor
 * to accept gets it; its consultation starts now), or EXPIRED (nobody accepted in time),
 * CANCELLED (by the patient) or PAYMENT_FAILED. The held fee is captured on acceptance and
 * released otherwise.
 */
export enum ConsultationRequestStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
}

export interface ConsultationRequestView {
  id: string;
  /** Human-readable, e.g. ODC-20261202-7KQ2MX. */
  number: string;
  patientId: string;
  dependentId: string | null;
  specialtyCode: string;
  /** What the patient describes; shown to the doctors who may take the request. */
  symptoms: string;
  callType: CallType;
  fee: { amountMinor: number; currency: string };
  status: ConsultationRequestStatus;
  /** Unaccepted by then, it expires and the fee is released. */
  expiresAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
  /** The consultation session once accepted. */
  consultationId: string | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateConsultationRequest {
  specialtyCode: string;
  symptoms: string;
  callType: CallType;
  dependentId?: string;
}

export interface ConsultationRequestQuery extends PageQuery {
  status?: ConsultationRequestStatus;
}
