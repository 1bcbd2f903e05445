import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { WalletRpc, type PaymentQuery } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { GetPayment } from './usecases/get-payment/get-payment.usecase';
import { ListPayments } from './usecases/list-payments/list-payments.usecase';

@Controller()
export class PaymentsController {
  constructor(
    private readonly getPayment: GetPayment,
    private readonly listPayments: ListPayments,
  ) {}

  @Rpc(WalletRpc.getPayment)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.getPayment.execute(q.id, m);
  }

  @Rpc(WalletRpc.listPayments)
  list(@Payload() q: PaymentQuery, @Meta() m: RequestMeta) {
    return this.listPayments.execute(q, m);
  }
}
