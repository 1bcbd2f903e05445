import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WalletRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OptionalAuth, Public } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { signedWebhook } from '../../common/http/signed-webhook';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  PaymentRecordDto,
  PaymentQueryDto,
  ProviderParam,
  ReferenceParam,
  SandboxCompleteDto,
  SandboxKeyQuery,
  TopUpDto,
  WebhookAckDto,
} from './dto/wallet.dto';
import { checkoutPage, resultPage } from './sandbox-checkout.page';

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

  @Get('sandbox/checkout/:reference')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'Sandbox provider only: the checkout page a CARD payment’s checkoutUrl opens',
    description:
      'What a person sees at the checkoutUrl (as a provider’s hosted checkout): the amount and Pay / Decline buttons, which post back here. No token: the link’s `key` is the credential (404 without the right one).',
  })
  @ApiResponse({
    status: 200,
    description: 'The checkout page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 404)
  async sandboxPage(@Param() p: ReferenceParam, @Query() q: SandboxKeyQuery, @CallMeta() meta: RequestMeta) {
    const checkout = await this.rpc.call(WalletRpc.sandboxCheckout, { reference: p.reference, key: q.key ?? '' }, meta);
    return checkoutPage(checkout, `/v1/sandbox/checkout/${encodeURIComponent(p.reference)}?key=${q.key ?? ''}`);
  }

  @Post('sandbox/checkout/:reference')
  @Public()
  @OptionalAuth()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Sandbox provider only: the payer completes (or fails) a checkout; its webhook follows',
    description:
      'With the link’s `key` (the checkout page’s form) no token is needed, and a form post is answered with a result page; without it, the top-up’s owner calls with their token and gets JSON.',
  })
  @ApiResponse({ status: 200, type: TopUpDto })
  @ApiErrors(400, 401, 404, 409)
  async sandboxComplete(
    @Param() p: ReferenceParam,
    @Query() q: SandboxKeyQuery,
    @Body() body: SandboxCompleteDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CallMeta() meta: RequestMeta,
  ) {
    const topUp = await this.rpc.call(
      WalletRpc.sandboxComplete,
      { reference: p.reference, outcome: body.outcome, key: q.key },
      meta,
    );
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return topUp;
    void reply.header('content-type', 'text/html; charset=utf-8');
    return resultPage(topUp, body.outcome);
  }
}
