import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { WalletRpc, type PaymentQuery } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { PaymentsService } from './payments.service';

@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Rpc(WalletRpc.getPayment)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.payments.get(q.id, m);
  }

  @Rpc(WalletRpc.listPayments)
  list(@Payload() q: PaymentQuery, @Meta() m: RequestMeta) {
    return this.payments.list(q, m);
  }
}
