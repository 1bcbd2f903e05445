import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdentityRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta, Client } from '../../common/http/call-meta.decorator';
import { AckDto, ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import type { ClientContext } from '@telehealth/contracts';
import { UserDto } from '../auth/dto/user.dto';
import {
  ConsentDto,
  CreateDependentDto,
  DependentDto,
  RecordConsentDto,
  UpdateDependentDto,
  UpdateMeDto,
} from './dto/me.dto';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The calling user' })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiErrors(401)
  get(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.getMe, {}, meta);
  }

  @Patch()
  @ApiOperation({ summary: 'Edit the profile' })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiErrors(400, 401)
  update(@Body() body: UpdateMeDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.updateMe, body, meta);
  }

  @Delete()
  @ApiOperation({ summary: 'Erase the account: soft delete with PII anonymised; records kept for retention' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(401)
  remove(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.deleteMe, {}, meta);
  }

  @Get('dependents')
  @ApiOperation({ summary: 'Dependents (enrollees) of the caller' })
  @ApiResponse({ status: 200, type: PageOf(DependentDto) })
  @ApiErrors(400, 401)
  listDependents(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.listDependents, { page: q.page, limit: q.limit }, meta);
  }

  @Post('dependents')
  @Roles(Role.PATIENT)
  @ApiOperation({ summary: 'Enrol a dependent' })
  @ApiResponse({ status: 201, type: DependentDto })
  @ApiErrors(400, 401, 403, 409)
  createDependent(@Body() body: CreateDependentDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.createDependent, body, meta);
  }

  @Get('dependents/:id')
  @ApiOperation({ summary: 'One dependent of the caller' })
  @ApiResponse({ status: 200, type: DependentDto })
  @ApiErrors(400, 401, 404)
  getDependent(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.getDependent, { id: p.id }, meta);
  }

  @Patch('dependents/:id')
  @ApiOperation({ summary: 'Edit a dependent' })
  @ApiResponse({ status: 200, type: DependentDto })
  @ApiErrors(400, 401, 404)
  updateDependent(@Param() p: IdParam, @Body() body: UpdateDependentDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.updateDependent, { ...body, id: p.id }, meta);
  }

  @Delete('dependents/:id')
  @ApiOperation({ summary: 'Remove a dependent (soft delete)' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400, 401, 404)
  removeDependent(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.removeDependent, { id: p.id }, meta);
  }

  @Get('consents')
  @ApiOperation({ summary: 'Consent history, newest first' })
  @ApiResponse({ status: 200, type: PageOf(ConsentDto) })
  @ApiErrors(400, 401)
  listConsents(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.listConsents, { page: q.page, limit: q.limit }, meta);
  }

  @Post('consents')
  @ApiOperation({ summary: 'Grant or withdraw consent to a document version' })
  @ApiResponse({ status: 201, type: ConsentDto })
  @ApiErrors(400, 401)
  recordConsent(@Body() body: RecordConsentDto, @Client() client: ClientContext, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.recordConsent, { ...body, client }, meta);
  }
}
