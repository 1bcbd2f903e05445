import { Injectable } from '@nestjs/common';
import type { ConsultationRequestView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { DoctorDirectory } from '../../../doctors/doctor-directory';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { requireVisibleRequest } from '../../request-access';
import { toRequestView } from '../../request.mapper';

@Injectable()
export class GetRequest {
  constructor(
    private readonly store: ConsultationRequestStore,
    private readonly doctors: DoctorDirectory,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationRequestView> {
    const caller = requireCaller(meta);
    const doctor = caller.doctorProfileId ? await this.doctors.get(caller.doctorProfileId) : null;
    return toRequestView(requireVisibleRequest(caller, await this.store.load(id), doctor).r);
  }
}
