import { Injectable } from '@nestjs/common';
import {
  PrescriptionStatus,
  toPage,
  type Page,
  type PrescriptionQuery,
  type PrescriptionView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import { PrescriptionAccess } from '../../prescription-access';
import type { PrescriptionDoc } from '../../prescription.schema';
import { toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';

/** A patient's issued prescriptions and those a doctor wrote, newest first; by appointment and status. */
@Injectable()
export class ListPrescriptions {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
  ) {}

  async execute(q: PrescriptionQuery, meta: RequestMeta): Promise<Page<PrescriptionView>> {
    const caller = requireCaller(meta);
    const filter: FilterQuery<PrescriptionDoc> = { ...this.access.listFilter(caller) };
    if (q.appointmentId) filter.appointmentId = q.appointmentId;
    if (q.status) {
      if (!Object.values(PrescriptionStatus).includes(q.status))
        throw DomainError.invalid('status', `must be one of ${Object.values(PrescriptionStatus).join(', ')}`);
      filter.status = q.status;
    }
    const { items, total } = await this.store.page(filter, q);
    await this.access.logListed(caller, items);
    return toPage(items.map(toPrescriptionView), total, q);
  }
}
