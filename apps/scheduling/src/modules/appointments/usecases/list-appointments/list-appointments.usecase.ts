import { Injectable } from '@nestjs/common';
import { toPage, type AppointmentQuery, type AppointmentView, type Page } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import { visibleFilter } from '../../appointment-access';
import { toAppointmentView } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore } from '../../appointment.store';

/** The appointments the caller may see, filtered and paged. */
@Injectable()
export class ListAppointments {
  constructor(private readonly store: AppointmentStore) {}

  async execute(q: AppointmentQuery, meta: RequestMeta): Promise<Page<AppointmentView>> {
    const filter: FilterQuery<AppointmentDoc> = { ...visibleFilter(requireCaller(meta)) };
    if (q.status) filter.status = q.status;
    if (q.doctorId) filter.doctorId = q.doctorId;
    if (q.patientId) filter.patientId = q.patientId;
    if (q.from || q.to)
      filter.start = { ...(q.from && { $gte: new Date(q.from) }), ...(q.to && { $lt: new Date(q.to) }) };
    const { items, total } = await this.store.page(filter, q);
    return toPage(items.map(toAppointmentView), total, q);
  }
}
