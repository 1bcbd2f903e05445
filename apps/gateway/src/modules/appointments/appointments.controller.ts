import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  AppointmentDto,
  AppointmentQueryDto,
  BookAppointmentDto,
  RescheduleDto,
  TransitionDto,
} from './dto/appointment.dto';

/**
 * Booking and the appointment lifecycle. Patients see their own and their dependents'
 * appointments, doctors their schedule, provider staff their organisation's, admins all;
 * anything else is 404. An illegal transition is 409 naming the current state.
 */
@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles(Role.PATIENT)
  @ApiOperation({ summary: 'Book a slot: the seat is held until paid (free slots confirm at once)' })
  @ApiResponse({ status: 201, type: AppointmentDto })
  @ApiIdempotencyKey(false, 'Retrying with the same key returns the first booking (never a second seat)')
  @ApiErrors(400, 401, 403, 409, 422)
  book(
    @Body() body: BookAppointmentDto,
    @IdempotencyKey(false) key: string | undefined,
    @CallMeta() meta: RequestMeta,
  ) {
    return this.rpc.call(SchedulingRpc.book, { ...body, ...(key && { idempotencyKey: key }) }, meta);
  }

  @Get()
  @ApiOperation({ summary: 'Appointments visible to the caller, by start time' })
  @ApiResponse({ status: 200, type: PageOf(AppointmentDto) })
  @ApiErrors(400, 401)
  list(@Query() q: AppointmentQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listAppointments, { ...q }, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One appointment' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.getAppointment, { id: p.id }, meta);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The doctor (or their clinic) accepts a booking request',
    description:
      'Before its deadline: by default 24 h after the request began to wait (paid), and at the latest 1 h before the start (halfway to the start for a last-minute booking). Unanswered by then, it is DECLINED by the system and any held fee released.',
  })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409)
  confirm(@Param() p: IdParam, @Body() body: TransitionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.confirm, { id: p.id, ...body }, meta);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The doctor (or their clinic) declines a booking request; the seat is freed' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409)
  decline(@Param() p: IdParam, @Body() body: TransitionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.decline, { id: p.id, ...body }, meta);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (patients until the cut-off before the start); the seat is freed' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 404, 409, 422)
  cancel(@Param() p: IdParam, @Body() body: TransitionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.cancel, { id: p.id, ...body }, meta);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to another slot of the same doctor: the new seat is taken before the old is freed' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  reschedule(@Param() p: IdParam, @Body() body: RescheduleDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.reschedule, { id: p.id, slotId: body.slotId }, meta);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'The consultation begins' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409)
  start(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.start, { id: p.id }, meta);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'The consultation ends' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409)
  complete(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.complete, { id: p.id }, meta);
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient did not attend' })
  @ApiResponse({ status: 200, type: AppointmentDto })
  @ApiErrors(400, 401, 403, 404, 409)
  noShow(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.noShow, { id: p.id }, meta);
  }
}
