import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WalletRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { signedWebhook } from '../../common/http/signed-webhook';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  PaymentRecordDto,
  PaymentQueryDto,
  ProviderParam,
  ReferenceParam,
  SandboxCompleteDto,
  TopUpDto,
  WebhookAckDto,
} from './dto/wallet.dto';

/** Headers a provider signs with; only these travel to the wallet service. */
const SIGNATURE_HEADERS = ['x-paystack-signature', 'stripe-signature', 'x-sandbox-signature'];

/** Payments for appointments, and the payment providers' side: webhooks and the sandbox checkout. */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('payments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your appointment payments (admins: all), e.g. ?appointmentId= for its checkoutUrl' })
  @ApiResponse({ status: 200, type: PageOf(PaymentRecordDto) })
  @ApiErrors(400, 401)
  list(@Query() q: PaymentQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.listPayments, { ...q }, meta);
  }

  @Get('payments/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One payment' })
  @ApiResponse({ status: 200, type: PaymentRecordDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.getPayment, { id: p.id }, meta);
  }

  @Post('webhooks/:provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Payment provider webhooks (paystack, stripe, sandbox): verified by signature, applied once',
  })
  @ApiResponse({ status: 200, type: WebhookAckDto })
  @ApiErrors(400, 404)
  webhook(@Param() p: ProviderParam, @Req() req: RawBodyRequest<FastifyRequest>, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.webhook, { provider: p.provider, ...signedWebhook(req, SIGNATURE_HEADERS) }, meta);
  }

  @Post('sandbox/checkout/:reference')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox provider only: the payer completes (or fails) a checkout; its webhook follows' })
  @ApiResponse({ status: 200, type: TopUpDto })
  @ApiErrors(400, 401, 404, 409)
  sandboxComplete(@Param() p: ReferenceParam, @Body() body: SandboxCompleteDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.sandboxComplete, { reference: p.reference, outcome: body.outcome }, meta);
  }
}
