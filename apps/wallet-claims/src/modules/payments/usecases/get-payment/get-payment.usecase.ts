import { Injectable } from '@nestjs/common';
import { Role, type PaymentView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { toPaymentView } from '../../payment.mapper';
import { PaymentStore } from '../../payment.store';

/** One payment, to its patient or an admin (anyone else: not found). */
@Injectable()
export class GetPayment {
  constructor(private readonly payments: PaymentStore) {}

  async execute(id: string, meta: RequestMeta): Promise<PaymentView> {
    const caller = requireCaller(meta);
    const p = await this.payments.byId(id);
    if (!p || (p.patientId !== caller.userId && !caller.roles.includes(Role.ADMIN)))
      throw DomainError.notFound('Payment');
    return toPaymentView(p);
  }
}
