import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  WalletRpc,
  type SandboxCheckoutQuery,
  type SandboxCompleteRequest,
  type TopUpRequest,
  type WebhookRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { TopUpsService } from './top-ups.service';
import { WebhooksService } from './webhooks.service';

@Controller()
export class TopUpsController {
  constructor(
    private readonly topUps: TopUpsService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Rpc(WalletRpc.createTopUp)
  create(@Payload() q: TopUpRequest, @Meta() m: RequestMeta) {
    return this.topUps.create(q, m);
  }

  @Rpc(WalletRpc.getTopUp)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.topUps.get(q.id, m);
  }

  @Rpc(WalletRpc.listTopUps)
  list(@Payload() q: { page: number; limit: number; status?: string }, @Meta() m: RequestMeta) {
    return this.topUps.list(q, m);
  }

  @Rpc(WalletRpc.sandboxCheckout)
  sandboxCheckout(@Payload() q: SandboxCheckoutQuery, @Meta() m: RequestMeta) {
    return this.topUps.sandboxCheckout(q, m);
  }

  @Rpc(WalletRpc.sandboxComplete)
  sandboxComplete(@Payload() q: SandboxCompleteRequest, @Meta() m: RequestMeta) {
    return this.topUps.sandboxComplete(q, m);
  }

  @Rpc(WalletRpc.webhook)
  webhook(@Payload() q: WebhookRequest) {
    return this.webhooks.receive(q);
  }
}
