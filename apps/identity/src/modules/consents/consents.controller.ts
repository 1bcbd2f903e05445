import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, type PageQuery, type RecordConsentRequest } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { ConsentsService } from './consents.service';

@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Rpc(IdentityRpc.listConsents)
  list(@Payload() q: PageQuery, @Meta() m: RequestMeta) {
    return this.consents.list(q, m);
  }

  @Rpc(IdentityRpc.recordConsent)
  record(@Payload() q: RecordConsentRequest, @Meta() m: RequestMeta) {
    return this.consents.record(q, m);
  }
}
