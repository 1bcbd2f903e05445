import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotificationsRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  DeadLetterDto,
  DeadLetterQueryDto,
  DeliveryDto,
  DeliveryQueryDto,
  InboxQueryDto,
  NotificationDto,
  OrganisationPreferencesDto,
  PreferencesDto,
  QueueStatsDto,
  ReadAllDto,
  ReplayDeadLetterResultDto,
  UnreadCountDto,
  UpdateOrganisationPreferencesDto,
  UpdatePreferencesDto,
} from './dto/notification.dto';

/** The caller's in-app inbox and notification preferences. Another user's notification is 404. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'In-app notifications, newest first' })
  @ApiResponse({ status: 200, type: PageOf(NotificationDto) })
  @ApiErrors(400, 401)
  list(@Query() q: InboxQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.listInbox, { page: q.page, limit: q.limit, unreadOnly: q.unreadOnly }, meta);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many in-app notifications are unread' })
  @ApiResponse({ status: 200, type: UnreadCountDto })
  @ApiErrors(401)
  unread(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.unreadCount, {}, meta);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every unread notification read' })
  @ApiResponse({ status: 200, type: ReadAllDto })
  @ApiErrors(401)
  readAll(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.markAllRead, {}, meta);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read (idempotent)' })
  @ApiResponse({ status: 200, type: NotificationDto })
  @ApiErrors(400, 401, 404)
  read(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.markRead, { id: p.id }, meta);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Notification preferences (defaults: everything on, no quiet hours)' })
  @ApiResponse({ status: 200, type: PreferencesDto })
  @ApiErrors(401)
  preferences(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.getPreferences, {}, meta);
  }

  @Put('preferences')
  @ApiOperation({
    summary:
      'Change preferences (only the fields sent). Switching off security or payments is refused (400 naming the field).',
  })
  @ApiResponse({ status: 200, type: PreferencesDto })
  @ApiErrors(400, 401)
  updatePreferences(@Body() body: UpdatePreferencesDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.updatePreferences, body, meta);
  }
}

/** Seed 002 provider notification settings: the organisation's staff and admins. */
@ApiTags('organisations')
@Roles(Role.ADMIN, Role.PROVIDER_STAFF)
@Controller('organisations')
export class OrganisationNotificationPreferencesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/notification-preferences')
  @ApiOperation({ summary: "An organisation's notification settings (seed 002 defaults until changed)" })
  @ApiResponse({ status: 200, type: OrganisationPreferencesDto })
  @ApiErrors(400, 401, 403, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.getOrganisationPreferences, { organisationId: p.id }, meta);
  }

  @Put(':id/notification-preferences')
  @ApiOperation({ summary: "Change an organisation's notification settings (only the fields sent)" })
  @ApiResponse({ status: 200, type: OrganisationPreferencesDto })
  @ApiErrors(400, 401, 403, 404)
  update(@Param() p: IdParam, @Body() body: UpdateOrganisationPreferencesDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.updateOrganisationPreferences, { ...body, organisationId: p.id }, meta);
  }
}

/** Operators: the delivery log, the dead-letter queue and queue counts. */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('admin/notifications')
export class AdminNotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('deliveries')
  @ApiOperation({ summary: 'The delivery log: one record per message (queued, sent, failed with reason...)' })
  @ApiResponse({ status: 200, type: PageOf(DeliveryDto) })
  @ApiErrors(400, 401, 403)
  deliveries(@Query() q: DeliveryQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.listDeliveries, { ...q }, meta);
  }

  @Get('deliveries/:id')
  @ApiOperation({ summary: 'One delivery with its history' })
  @ApiResponse({ status: 200, type: DeliveryDto })
  @ApiErrors(400, 401, 403, 404)
  delivery(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.getDelivery, { id: p.id }, meta);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Messages whose every attempt failed' })
  @ApiResponse({ status: 200, type: PageOf(DeadLetterDto) })
  @ApiErrors(400, 401, 403)
  deadLetters(@Query() q: DeadLetterQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.listDeadLetters, { ...q }, meta);
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a dead letter back on its queue with fresh attempts (a second replay is 404)' })
  @ApiResponse({ status: 200, type: ReplayDeadLetterResultDto })
  @ApiErrors(400, 401, 403, 404)
  replay(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.replayDeadLetter, { id: p.id }, meta);
  }

  @Get('queues')
  @ApiOperation({ summary: 'Job counts and rate limit of every notifications queue' })
  @ApiResponse({ status: 200, type: [QueueStatsDto] })
  @ApiErrors(401, 403)
  queues(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(NotificationsRpc.queueStats, {}, meta);
  }
}
