import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  AbsentParty,
  CallLogStatus,
  CallType,
  ClientEventKind,
  ConsultationRequestStatus,
  ConsultationStatus,
  EndedBy,
  ParticipantRole,
  VideoProviderName,
  type CallLogView,
  type ConsultationRequestView,
  type CreateConsultationRequest,
  type ConsultationView,
  type FeedbackView,
  type JoinTokenView,
  type QualityLevel,
  type VideoWebhookAck,
} from '@telehealth/contracts';
import { DateTimeField, EnumField, IntField, OpaqueField, TextField, UuidField } from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';

const QUALITY_LEVELS: QualityLevel[] = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];

export class ConsultationQueryDto extends PageQueryDto {
  @EnumField(ConsultationStatus, { optional: true }) status?: ConsultationStatus;
  @UuidField({ optional: true, description: 'The session of this appointment' }) appointmentId?: string;
  @DateTimeField({ optional: true, description: 'Scheduled to start at or after' }) from?: string;
  @DateTimeField({ optional: true, description: 'Scheduled to start at or before' }) to?: string;
}

export class ClientEventDto {
  @EnumField(ClientEventKind, {
    description:
      'JOINED / LEFT: for video providers without webhooks (a webhook, where there is one, wins). NETWORK_ISSUE and QUALITY feed the call log.',
  })
  kind: ClientEventKind;
  @IntField({ optional: true, min: 0, max: 86_400, description: 'NETWORK_ISSUE: how long it lasted' })
  durationSeconds?: number;
  @EnumField(QUALITY_LEVELS, { optional: true, description: 'QUALITY: the video the client measured' })
  video?: QualityLevel;
  @EnumField(QUALITY_LEVELS, { optional: true, description: 'QUALITY: the audio the client measured' })
  audio?: QualityLevel;
}

export class FeedbackDto {
  @IntField({ min: 1, max: 5 }) rating: number;
  @TextField({ optional: true, max: 2000 }) comment?: string;
}

export class VideoProviderParam {
  @ApiProperty({ enum: VideoProviderName })
  @Matches(/^[a-z]{1,20}$/, { message: 'must be a video provider name' })
  provider: string;
}

class LobbyDto {
  @ApiProperty({ description: 'The patient is waiting to be admitted' }) patientWaiting: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) admittedAt: string | null;
}

class QualityDto {
  @ApiProperty({ nullable: true, enum: QUALITY_LEVELS, description: 'The worst level reported' })
  video: QualityLevel | null;
  @ApiProperty({ nullable: true, enum: QUALITY_LEVELS }) audio: QualityLevel | null;
  @ApiProperty() networkIssues: number;
  @ApiProperty() networkIssueSeconds: number;
}

class CallLogDto implements CallLogView {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) start: string | null;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ enum: CallLogStatus }) status: CallLogStatus;
  @ApiProperty({ type: QualityDto }) quality: QualityDto;
}

class FeedbackViewDto implements FeedbackView {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

class FeedbackPairDto {
  @ApiProperty({ nullable: true, type: FeedbackViewDto }) doctor: FeedbackViewDto | null;
  @ApiProperty({ nullable: true, type: FeedbackViewDto }) patient: FeedbackViewDto | null;
}

class RecordingDto {
  @ApiProperty() requested: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) requestedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "When the patient's CALL_RECORDING consent was recorded",
  })
  consentedAt: string | null;
}

export class ConsultationDto implements ConsultationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VC-20261202-4F7K2Q' }) number: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null for an on-demand consultation' })
  appointmentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The on-demand request it answers' })
  requestId: string | null;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ nullable: true, type: String }) doctorName: string | null;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ nullable: true, type: String }) dependentId: string | null;
  @ApiProperty({ nullable: true, type: String }) patientName: string | null;
  @ApiProperty({ example: 'room-3f1c…' }) roomId: string;
  @ApiProperty() roomName: string;
  @ApiProperty({ enum: CallType }) callType: CallType;
  @ApiProperty({ enum: ConsultationStatus }) status: ConsultationStatus;
  @ApiProperty({ format: 'date-time' }) scheduledStart: string;
  @ApiProperty({ format: 'date-time' }) scheduledEnd: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) actualStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) doctorJoinedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) patientJoinedAt: string | null;
  @ApiProperty({ type: LobbyDto }) lobby: LobbyDto;
  @ApiProperty({ nullable: true, enum: EndedBy }) endedBy: EndedBy | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty({ nullable: true, enum: AbsentParty, description: 'NO_SHOW: who never joined' })
  absent: AbsentParty | null;
  @ApiProperty({ nullable: true, type: CallLogDto }) callLog: CallLogDto | null;
  @ApiProperty({ type: FeedbackPairDto }) feedback: FeedbackPairDto;
  @ApiProperty({ type: RecordingDto }) recording: RecordingDto;
  @ApiProperty({ description: 'Number of changes so far' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class JoinTokenDto implements JoinTokenView {
  @ApiProperty({ enum: VideoProviderName }) provider: VideoProviderName;
  @ApiProperty({ description: "Where the client connects: LiveKit's wss URL, or the Jitsi / Daily room URL" })
  url: string;
  @ApiProperty({ example: 'room-3f1c…' }) room: string;
  @ApiProperty({ description: "The provider's signed token for the caller only" }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ParticipantRole, description: 'HOST: the doctor (moderates); OBSERVER: an admin' })
  role: ParticipantRole;
  @ApiProperty({ enum: CallType, description: 'AUDIO: the token cannot publish video' }) callType: CallType;
  @ApiProperty({ description: 'True: in the lobby until the doctor admits you; join again once admitted' })
  lobby: boolean;
}

export class VideoWebhookAckDto implements VideoWebhookAck {
  @ApiProperty({ enum: [true] }) received: true;
  @ApiProperty({ description: 'False for a replay (same event id) or an event that changed nothing' })
  applied: boolean;
}

export class CreateConsultationRequestDto implements CreateConsultationRequest {
  @OpaqueField({ max: 60, description: 'A specialty code, e.g. GENERAL_PRACTICE (GET /v1/specialties)' })
  specialtyCode: string;
  @TextField({ max: 2000, description: 'What the consultation is about; shown to the doctors who may take it' })
  symptoms: string;
  @EnumField(CallType) callType: CallType;
  @UuidField({ optional: true, description: 'Ask for one of your dependents' }) dependentId?: string;
}

export class ConsultationRequestQueryDto extends PageQueryDto {
  @EnumField(ConsultationRequestStatus, { optional: true }) status?: ConsultationRequestStatus;
}

class FeeDto {
  @ApiProperty({ example: 500000 }) amountMinor: number;
  @ApiProperty({ example: 'NGN' }) currency: string;
}

export class ConsultationRequestDto implements ConsultationRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ODC-20261202-7KQ2MX' }) number: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ nullable: true, type: String }) dependentId: string | null;
  @ApiProperty() specialtyCode: string;
  @ApiProperty() symptoms: string;
  @ApiProperty({ enum: CallType }) callType: CallType;
  @ApiProperty({ type: FeeDto }) fee: FeeDto;
  @ApiProperty({ enum: ConsultationRequestStatus }) status: ConsultationRequestStatus;
  @ApiProperty({ format: 'date-time', description: 'Unaccepted by then, it expires and the fee is released' })
  expiresAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The doctor (profile id) who took it' })
  acceptedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Its consultation, once accepted' })
  consultationId: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
