import { Injectable } from '@nestjs/common';
import type { AppointmentView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { requireVisible } from '../../appointment-access';
import { toAppointmentView } from '../../appointment.mapper';
import { AppointmentStore } from '../../appointment.store';

/** One appointment, for its patient, doctor, clinic staff or an admin (others: 404). */
@Injectable()
export class GetAppointment {
  constructor(private readonly store: AppointmentStore) {}

  async execute(id: string, meta: RequestMeta): Promise<AppointmentView> {
    return toAppointmentView(requireVisible(requireCaller(meta), await this.store.load(id)).a);
  }
}
