import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { TeleconsultationRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { signedWebhook } from '../../common/http/signed-webhook';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  ClientEventDto,
  ConsultationDto,
  ConsultationQueryDto,
  FeedbackDto,
  JoinTokenDto,
  VideoProviderParam,
  VideoWebhookAckDto,
} from './dto/consultation.dto';

/** Headers video providers sign with (LiveKit: Authorization; Daily and Jitsi relays: their own). */
const SIGNATURE_HEADERS = ['authorization', 'x-webhook-signature', 'x-webhook-timestamp', 'x-jitsi-signature'];

/**
 * Consultation sessions of online appointments (flow 3). The patient (also for a dependent), the
 * doctor and admins see a session; anyone else gets 404. An illegal step is 409 naming the state.
 */
@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('consultations')
  @ApiOperation({ summary: 'Consultation sessions visible to the caller, by scheduled start' })
  @ApiResponse({ status: 200, type: PageOf(ConsultationDto) })
  @ApiErrors(400, 401)
  list(@Query() q: ConsultationQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.list, { ...q }, meta);
  }

  @Get('consultations/:id')
  @ApiOperation({ summary: 'One consultation session' })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.get, { id: p.id }, meta);
  }

  @Post('consultations/:id/join')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A short-lived join token for the caller (patient, doctor, or an admin observing)',
    description:
      'Inside the join window only: from a few minutes before the start (422 TOO_EARLY before) until the grace period after the end (409 SESSION_ENDED after, or once completed, missed or cancelled). The doctor hosts; the patient waits in the lobby (lobby: true, cannot publish) until the doctor admits them, then joins again.',
  })
  @ApiResponse({ status: 200, type: JoinTokenDto })
  @ApiErrors(400, 401, 404, 409, 422)
  join(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.join, { id: p.id }, meta);
  }

  @Post('consultations/:id/admit')
  @HttpCode(200)
  @ApiOperation({ summary: 'The doctor admits the patient from the lobby' })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 403, 404, 409)
  admit(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.admit, { id: p.id }, meta);
  }

  @Post('consultations/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'The doctor ends the call: call log written, appointment completed' })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 403, 404, 409)
  end(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.end, { id: p.id }, meta);
  }

  @Post('consultations/:id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'A participant reports what happened in the call (joined, left, network issue, quality)' })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 403, 404, 409)
  report(@Param() p: IdParam, @Body() body: ClientEventDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.reportEvent, { id: p.id, ...body }, meta);
  }

  @Post('consultations/:id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate the ended consultation (the doctor and the patient, once each)' })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 403, 404, 409)
  feedback(@Param() p: IdParam, @Body() body: FeedbackDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.feedback, { id: p.id, ...body }, meta);
  }

  @Post('consultations/:id/recording')
  @HttpCode(200)
  @ApiOperation({ summary: "The doctor asks to record the call: only with the patient's CALL_RECORDING consent" })
  @ApiResponse({ status: 200, type: ConsultationDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  recording(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.requestRecording, { id: p.id }, meta);
  }

  @Post('webhooks/video/:provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Video provider webhooks (livekit, jitsi, daily): verified by signature, applied once per event id',
  })
  @ApiResponse({ status: 200, type: VideoWebhookAckDto })
  @ApiErrors(400)
  webhook(@Param() p: VideoProviderParam, @Req() req: RawBodyRequest<FastifyRequest>, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(
      TeleconsultationRpc.webhook,
      { provider: p.provider, ...signedWebhook(req, SIGNATURE_HEADERS) },
      meta,
    );
  }
}
