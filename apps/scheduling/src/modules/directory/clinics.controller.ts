import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SchedulingRpc,
  type CreateClinicRequest,
  type PageQuery,
  type UpdateClinicRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { ClinicsService } from './clinics.service';

@Controller()
export class ClinicsController {
  constructor(private readonly clinics: ClinicsService) {}

  @Rpc(SchedulingRpc.createClinic)
  create(@Payload() q: CreateClinicRequest, @Meta() m: RequestMeta) {
    return this.clinics.create(q, m);
  }

  @Rpc(SchedulingRpc.updateClinic)
  update(@Payload() q: UpdateClinicRequest, @Meta() m: RequestMeta) {
    return this.clinics.update(q, m);
  }

  @Rpc(SchedulingRpc.getClinic)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.clinics.get(q.id, m);
  }

  @Rpc(SchedulingRpc.listClinics)
  list(@Payload() q: PageQuery & { city?: string; organisationId?: string }, @Meta() m: RequestMeta) {
    return this.clinics.list(q, m);
  }
}
