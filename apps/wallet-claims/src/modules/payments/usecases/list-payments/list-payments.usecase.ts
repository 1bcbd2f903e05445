import { Injectable } from '@nestjs/common';
import { Role, toPage, type Page, type PaymentQuery, type PaymentView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import { toPaymentView } from '../../payment.mapper';
import type { PaymentDoc } from '../../payment.schema';
import { PaymentStore } from '../../payment.store';

/** Payments, newest first: a patient's own; an admin's of anyone (or of one patient). */
@Injectable()
export class ListPayments {
  constructor(private readonly payments: PaymentStore) {}

  async execute(q: PaymentQuery, meta: RequestMeta): Promise<Page<PaymentView>> {
    const caller = requireCaller(meta);
    const admin = caller.roles.includes(Role.ADMIN);
    const filter: FilterQuery<PaymentDoc> = admin ? {} : { patientId: caller.userId };
    if (q.patientId && admin) filter.patientId = q.patientId;
    if (q.appointmentId) filter.appointmentId = q.appointmentId;
    if (q.status) filter.status = q.status;
    const { items, total } = await this.payments.page(filter, q);
    return toPage(items.map(toPaymentView), total, q);
  }
}
