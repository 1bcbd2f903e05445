import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PrescriptionRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public, Roles } from '../../common/auth/public.decorator';
import { AccessReason, ApiAccessReason } from '../../common/http/access-reason';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import { AuthRateLimit } from '../../common/rate-limit/rate-limit';
import {
  CancelPrescriptionDto,
  CreatePrescriptionDto,
  PrescriptionDto,
  PrescriptionQueryDto,
  PrescriptionVerificationDto,
  UpdatePrescriptionDto,
  VerificationCodeParam,
} from './dto/prescription.dto';

/**
 * Prescriptions (issue 11 §3): the appointment's doctor writes a draft, edits it and signs it
 * once (patient and doctor frozen, a verification code given); it prints as a PDF, a pharmacist
 * checks its code without an account, and its doctor may cancel it (never delete it). The
 * patient, its doctor, a treating doctor and admins with a stated reason read it; others get 404.
 */
@ApiTags('prescriptions')
@Controller('prescriptions')
export class PrescriptionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiBearerAuth()
  @Roles(Role.DOCTOR)
  @ApiOperation({
    summary: 'Start a draft prescription for one of your appointments (confirmed, under way or completed)',
  })
  @ApiResponse({ status: 201, type: PrescriptionDto })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@Body() body: CreatePrescriptionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.create, { ...body }, meta);
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your issued prescriptions; a doctor: those you wrote (drafts too). Newest first' })
  @ApiResponse({ status: 200, type: PageOf(PrescriptionDto) })
  @ApiErrors(400, 401)
  list(@Query() q: PrescriptionQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.list, { ...q }, meta);
  }

  @Get('verify/:code')
  @Public()
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Check a verification code (public): valid, cancelled or unknown, when and by whom it was issued',
    description: 'No patient data and no medications, ever.',
  })
  @ApiResponse({ status: 200, type: PrescriptionVerificationDto })
  @ApiErrors(400, 429)
  verify(@Param() p: VerificationCodeParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.verify, { code: p.code }, meta);
  }

  @Get(':id')
  @ApiBearerAuth()
  @ApiAccessReason()
  @ApiOperation({ summary: 'One prescription (a cancelled one too, marked so)' })
  @ApiResponse({ status: 200, type: PrescriptionDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @AccessReason() accessReason: string | undefined, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.get, { id: p.id, accessReason }, meta);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit a draft (the fields sent replace its own); a signed one: 409 PRESCRIPTION_SIGNED' })
  @ApiResponse({ status: 200, type: PrescriptionDto })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@Param() p: IdParam, @Body() body: UpdatePrescriptionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.update, { ...body, id: p.id }, meta);
  }

  @Post(':id/sign')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign the draft: the patient and you are frozen as now, a verification code is given, the patient is told',
    description: 'Exactly once: a second signature, or one racing it, gets 409 PRESCRIPTION_SIGNED.',
  })
  @ApiResponse({ status: 200, type: PrescriptionDto })
  @ApiErrors(400, 401, 403, 404, 409, 503)
  sign(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.sign, { id: p.id }, meta);
  }

  @Post(':id/cancel')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason: kept, marked CANCELLED; its code then verifies as CANCELLED' })
  @ApiResponse({ status: 200, type: PrescriptionDto })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(@Param() p: IdParam, @Body() body: CancelPrescriptionDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(PrescriptionRpc.cancel, { id: p.id, reason: body.reason }, meta);
  }

  @Get(':id/pdf')
  @ApiBearerAuth()
  @ApiAccessReason()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The printable PDF of a signed prescription, with its verification code' })
  @ApiResponse({ status: 200, description: 'application/pdf', content: { 'application/pdf': {} } })
  @ApiErrors(400, 401, 404, 409)
  async pdf(
    @Param() p: IdParam,
    @AccessReason() accessReason: string | undefined,
    @CallMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.rpc.call(PrescriptionRpc.pdf, { id: p.id, accessReason }, meta);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `inline; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store');
    return Buffer.from(file.base64, 'base64');
  }
}
