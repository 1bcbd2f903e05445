import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DeliveryStatus,
  NotificationCategory,
  NotificationChannel,
  NotificationKind,
  type CategoryKey,
  type ChannelSwitches,
  type DeadLetterView,
  type DeliveryHistoryEntry,
  type DeliveryView,
  type NotificationPreferencesView,
  type NotificationView,
  type OrganisationPreferencesView,
  type QueueStatsView,
  type QuietHours,
  type ReplayDeadLetterResult,
} from '@telehealth/contracts';
import { BoolField, ClockTimeField, EnumField, NestedField, UuidField } from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';

export class InboxQueryDto extends PageQueryDto {
  @BoolField({ optional: true, description: 'Only unread notifications' }) unreadOnly?: boolean;
}

export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NotificationKind }) kind: NotificationKind;
  @ApiProperty({ enum: NotificationCategory }) category: NotificationCategory;
  @ApiProperty({ example: 'Appointment confirmed' }) title: string;
  @ApiProperty({ example: 'Dr Tunde Adeyemi, Tue, Nov 24, 2026, 10:00 GMT+1 (online).' }) body: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { appointmentId: '3f1c2a9e-7a51-4c55-9a0e-8d1b6c1f4a20' },
  })
  data: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) unread: number;
}

export class ReadAllDto {
  @ApiProperty({ example: 3, description: 'Notifications marked read by this call' }) updated: number;
}

// ---------------------------------------------------------------- user preferences

class ChannelSwitchesDto implements ChannelSwitches {
  @ApiProperty() email: boolean;
  @ApiProperty() sms: boolean;
  @ApiProperty() push: boolean;
  @ApiProperty() inApp: boolean;
}

class CategoriesDto implements Record<CategoryKey, ChannelSwitches> {
  @ApiProperty({ type: ChannelSwitchesDto, description: 'Verification, password reset and change (transactional)' })
  security: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto, description: 'Welcome' }) account: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto }) appointments: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto }) reminders: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto, description: 'Receipts, failures, refunds (transactional)' })
  payments: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto }) reviews: ChannelSwitchesDto;
  @ApiProperty({ type: ChannelSwitchesDto, description: 'New secure messages (never their text)' })
  messages: ChannelSwitchesDto;
}

class QuietHoursDto implements QuietHours {
  @ClockTimeField({ example: '22:00' }) start: string;
  @ClockTimeField({ example: '07:00' }) end: string;
}

export class PreferencesDto implements NotificationPreferencesView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: ChannelSwitchesDto, description: 'Master switch per channel' }) channels: ChannelSwitchesDto;
  @ApiProperty({ type: CategoriesDto }) categories: CategoriesDto;
  @ApiProperty({ type: QuietHoursDto, nullable: true }) quietHours: QuietHoursDto | null;
  @ApiProperty({ example: ['security', 'payments'], description: 'Always sent; cannot be switched off' })
  transactionalCategories: CategoryKey[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}

class ChannelSwitchesPatchDto implements Partial<ChannelSwitches> {
  @BoolField({ optional: true }) email?: boolean;
  @BoolField({ optional: true }) sms?: boolean;
  @BoolField({ optional: true }) push?: boolean;
  @BoolField({ optional: true }) inApp?: boolean;
}

class CategoriesPatchDto implements Partial<Record<CategoryKey, Partial<ChannelSwitches>>> {
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true, description: 'Transactional: only true accepted' })
  security?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true }) account?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true }) appointments?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true }) reminders?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true, description: 'Transactional: only true accepted' })
  payments?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true }) reviews?: ChannelSwitchesPatchDto;
  @NestedField(() => ChannelSwitchesPatchDto, { optional: true }) messages?: ChannelSwitchesPatchDto;
}

export class UpdatePreferencesDto {
  @NestedField(() => ChannelSwitchesPatchDto, {
    optional: true,
    description: 'Master switches (security and payment messages are sent regardless)',
  })
  channels?: ChannelSwitchesPatchDto;

  @NestedField(() => CategoriesPatchDto, { optional: true }) categories?: CategoriesPatchDto;

  @NestedField(() => QuietHoursDto, {
    optional: true,
    description:
      'Local times in your profile time zone; non-urgent email, SMS and push wait until they end. null removes them.',
  })
  quietHours?: QuietHoursDto | null;
}

// ---------------------------------------------------------------- organisation preferences

export class OrganisationPreferencesDto implements OrganisationPreferencesView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ description: 'New inquiries and quotes' }) quote: boolean;
  @ApiProperty({ description: "Booking confirmations and cancellations of the organisation's doctors" })
  schedule: boolean;
  @ApiProperty({ description: 'Treatment starts' }) treatmentStart: boolean;
  @ApiProperty({ description: 'Aftercare events' }) aftercare: boolean;
  @ApiProperty({ description: "New reviews of the organisation's doctors" }) review: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}

export class UpdateOrganisationPreferencesDto {
  @BoolField({ optional: true }) quote?: boolean;
  @BoolField({ optional: true }) schedule?: boolean;
  @BoolField({ optional: true }) treatmentStart?: boolean;
  @BoolField({ optional: true }) aftercare?: boolean;
  @BoolField({ optional: true }) review?: boolean;
}

// ---------------------------------------------------------------- operators

export class DeliveryQueryDto extends PageQueryDto {
  @UuidField({ optional: true }) userId?: string;
  @EnumField(NotificationChannel, { optional: true }) channel?: NotificationChannel;
  @EnumField(DeliveryStatus, { optional: true }) status?: DeliveryStatus;
  @EnumField(NotificationKind, { optional: true }) kind?: NotificationKind;
  @UuidField({ optional: true, description: 'The event that caused the message' }) sourceEventId?: string;
}

class DeliveryHistoryDto implements DeliveryHistoryEntry {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: DeliveryStatus }) status: DeliveryStatus;
  @ApiProperty({ nullable: true, type: String, example: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1025' })
  reason: string | null;
}

export class DeliveryDto implements DeliveryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: NotificationChannel }) channel: NotificationChannel;
  @ApiProperty({ enum: NotificationKind }) kind: NotificationKind;
  @ApiProperty({ enum: NotificationCategory }) category: NotificationCategory;
  @ApiProperty({ nullable: true, type: String, description: 'Email address or masked phone number' })
  to: string | null;
  @ApiProperty({ enum: DeliveryStatus }) status: DeliveryStatus;
  @ApiProperty({ nullable: true, type: String, example: 'CHANNEL_OFF' }) reason: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty() sourceEventId: string;
  @ApiProperty({ example: 'scheduling.appointment.confirmed.v1' }) sourceEventType: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) scheduledFor: string | null;
  @ApiProperty({ nullable: true, type: String }) providerMessageId: string | null;
  @ApiProperty({ type: [DeliveryHistoryDto] }) history: DeliveryHistoryDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
}

export class DeadLetterQueryDto extends PageQueryDto {
  @EnumField(NotificationChannel, { optional: true }) channel?: NotificationChannel;
}

export class DeadLetterDto implements DeadLetterView {
  @ApiProperty({ format: 'uuid', description: 'The delivery id' }) id: string;
  @ApiProperty({ enum: NotificationChannel }) channel: NotificationChannel;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: NotificationKind }) kind: NotificationKind;
  @ApiProperty({ example: 'EENVELOPE 550: Mailbox unavailable' }) failedReason: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class ReplayDeadLetterResultDto implements ReplayDeadLetterResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: true }) requeued: boolean;
}

export class QueueStatsDto implements QueueStatsView {
  @ApiProperty({ example: 'notifications-email' }) queue: string;
  @ApiProperty() waiting: number;
  @ApiProperty() delayed: number;
  @ApiProperty() active: number;
  @ApiProperty() failed: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) ratePerSecond: number | null;
}
