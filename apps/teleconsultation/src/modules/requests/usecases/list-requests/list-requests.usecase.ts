import { Injectable } from '@nestjs/common';
import { toPage, type ConsultationRequestQuery, type ConsultationRequestView, type Page } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { DoctorDirectory } from '../../../doctors/doctor-directory';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { visibleRequests } from '../../request-access';
import { toRequestView } from '../../request.mapper';

/** A patient's requests; a doctor's open queue (their specialty, while online) and those they took; all for admins. */
@Injectable()
export class ListRequests {
  constructor(
    private readonly store: ConsultationRequestStore,
    private readonly doctors: DoctorDirectory,
  ) {}

  async execute(q: ConsultationRequestQuery, meta: RequestMeta): Promise<Page<ConsultationRequestView>> {
    const caller = requireCaller(meta);
    const doctor = caller.doctorProfileId ? await this.doctors.get(caller.doctorProfileId) : null;
    const visible = visibleRequests(caller, doctor);
    const filter = q.status ? { $and: [visible, { status: q.status }] } : visible;
    const { items, total } = await this.store.page(filter, q);
    return toPage(items.map(toRequestView), total, q);
  }
}
