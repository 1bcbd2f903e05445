import { Injectable } from '@nestjs/common';
import { toPage, type ConsultationQuery, type ConsultationView, type Page } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import { visibleFilter } from '../../consultation-access';
import type { ConsultationDoc } from '../../consultation.schema';
import { toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';

const dateOf = (field: string, value: string): Date => {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw DomainError.invalid(field, 'must be an ISO date or date-time');
  return d;
};

/** The caller's sessions (a patient's own, a doctor's, all for admins), by scheduled start. */
@Injectable()
export class ListConsultations {
  constructor(private readonly store: ConsultationStore) {}

  async execute(q: ConsultationQuery, meta: RequestMeta): Promise<Page<ConsultationView>> {
    const filter: FilterQuery<ConsultationDoc> = { ...visibleFilter(requireCaller(meta)) };
    if (q.status) filter.status = q.status;
    if (q.appointmentId) filter.appointmentId = q.appointmentId;
    if (q.from || q.to)
      filter.scheduledStart = {
        ...(q.from && { $gte: dateOf('from', q.from) }),
        ...(q.to && { $lte: dateOf('to', q.to) }),
      };
    const { items, total } = await this.store.page(filter, q);
    return toPage(items.map(toConsultationView), total, q);
  }
}
