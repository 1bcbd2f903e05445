import { Injectable } from '@nestjs/common';
import type { ConsultationView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { requireVisible } from '../../consultation-access';
import { toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';

@Injectable()
export class GetConsultation {
  constructor(private readonly store: ConsultationStore) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationView> {
    return toConsultationView(requireVisible(requireCaller(meta), await this.store.load(id)).s);
  }
}
