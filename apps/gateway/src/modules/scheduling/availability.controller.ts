import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { AckDto, ApiErrors, IdParam } from '../../common/openapi/common.dto';
import {
  AvailabilityExceptionDto,
  AvailabilityRuleDto,
  CreateExceptionDto,
  CreateRuleDto,
  DoctorExceptionParams,
  DoctorRuleParams,
  ExceptionQueryDto,
  UpdateRuleDto,
} from './dto/availability.dto';

/**
 * A doctor's weekly rules and one-off exceptions: the doctor, their organisation's staff and
 * admins manage them (others get 404). A change that would strand booked appointments is 409.
 */
@ApiTags('availability')
@Roles(Role.DOCTOR, Role.PROVIDER_STAFF, Role.ADMIN)
@Controller('doctors/:id/availability')
export class AvailabilityController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('rules')
  @ApiOperation({ summary: "The doctor's active weekly rules" })
  @ApiResponse({ status: 200, type: [AvailabilityRuleDto] })
  @ApiErrors(400, 401, 403, 404)
  listRules(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listRules, { doctorId: p.id }, meta);
  }

  @Post('rules')
  @ApiOperation({ summary: 'Add a weekly rule (refused if it overlaps another)' })
  @ApiResponse({ status: 201, type: AvailabilityRuleDto })
  @ApiErrors(400, 401, 403, 404, 409)
  createRule(@Param() p: IdParam, @Body() body: CreateRuleDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(
      SchedulingRpc.createRule,
      {
        ...body,
        doctorId: p.id,
        clinicId: body.clinicId ?? null,
        fee: body.fee ?? null,
        validFrom: body.validFrom ?? null,
        validTo: body.validTo ?? null,
      },
      meta,
    );
  }

  @Patch('rules/:ruleId')
  @ApiOperation({ summary: 'Edit a rule (409 naming the appointments it would strand, in details)' })
  @ApiResponse({ status: 200, type: AvailabilityRuleDto })
  @ApiErrors(400, 401, 403, 404, 409)
  updateRule(@Param() p: DoctorRuleParams, @Body() body: UpdateRuleDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.updateRule, { ...body, id: p.ruleId, doctorId: p.id }, meta);
  }

  @Delete('rules/:ruleId')
  @ApiOperation({ summary: 'Remove a rule (409 naming the appointments it would strand, in details)' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400, 401, 403, 404, 409)
  removeRule(@Param() p: DoctorRuleParams, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.removeRule, { id: p.ruleId, doctorId: p.id }, meta);
  }

  @Get('exceptions')
  @ApiOperation({ summary: "The doctor's exceptions, by date" })
  @ApiResponse({ status: 200, type: [AvailabilityExceptionDto] })
  @ApiErrors(400, 401, 403, 404)
  listExceptions(@Param() p: IdParam, @Query() q: ExceptionQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listExceptions, { ...q, doctorId: p.id }, meta);
  }

  @Post('exceptions')
  @ApiOperation({ summary: 'Block a period or add extra hours on a date (blocking booked time is 409)' })
  @ApiResponse({ status: 201, type: AvailabilityExceptionDto })
  @ApiErrors(400, 401, 403, 404, 409)
  createException(@Param() p: IdParam, @Body() body: CreateExceptionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(
      SchedulingRpc.createException,
      {
        ...body,
        doctorId: p.id,
        clinicId: body.clinicId ?? null,
        startTime: body.startTime ?? null,
        endTime: body.endTime ?? null,
        slotMinutes: body.slotMinutes ?? null,
        maxPatients: body.maxPatients ?? null,
        mode: body.mode ?? null,
        reason: body.reason ?? null,
      },
      meta,
    );
  }

  @Delete('exceptions/:exceptionId')
  @ApiOperation({ summary: 'Remove an exception (removing booked extra hours is 409)' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400, 401, 403, 404, 409)
  removeException(@Param() p: DoctorExceptionParams, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.removeException, { id: p.exceptionId, doctorId: p.id }, meta);
  }
}
