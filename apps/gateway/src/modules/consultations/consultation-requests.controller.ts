import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, TeleconsultationRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  ConsultationRequestDto,
  ConsultationRequestQueryDto,
  CreateConsultationRequestDto,
} from './dto/consultation.dto';

/**
 * On-demand consultations (seed 000 `telemedicine_requests`): a patient asks now, the fee is held
 * from their wallet, online doctors of the specialty see the open request, and the first to accept
 * gets it (exactly one); unaccepted in time, it expires and the fee is released.
 */
@ApiTags('consultation-requests')
@Controller('consultation-requests')
export class ConsultationRequestsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles(Role.PATIENT)
  @ApiOperation({ summary: 'Ask for a consultation now: PENDING_PAYMENT while the fee is held, then OPEN' })
  @ApiResponse({ status: 201, type: ConsultationRequestDto })
  @ApiErrors(400, 401, 403)
  create(@Body() body: CreateConsultationRequestDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.createRequest, { ...body }, meta);
  }

  @Get()
  @ApiOperation({
    summary: "Your requests; a doctor's: the open queue of their specialty (while online) and those they took",
  })
  @ApiResponse({ status: 200, type: PageOf(ConsultationRequestDto) })
  @ApiErrors(400, 401)
  list(@Query() q: ConsultationRequestQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.listRequests, { ...q }, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One request' })
  @ApiResponse({ status: 200, type: ConsultationRequestDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.getRequest, { id: p.id }, meta);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'An online doctor of the specialty takes the request; its consultation starts now',
    description:
      'Exactly one of any number of doctors accepting at once succeeds; the others get 409 REQUEST_NOT_OPEN.',
  })
  @ApiResponse({ status: 200, type: ConsultationRequestDto })
  @ApiErrors(400, 401, 403, 404, 409)
  accept(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.acceptRequest, { id: p.id }, meta);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient withdraws a request no doctor has taken; the fee is released' })
  @ApiResponse({ status: 200, type: ConsultationRequestDto })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.cancelRequest, { id: p.id }, meta);
  }
}
