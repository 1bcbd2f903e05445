import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SchedulingRpc,
  type CreateSpecialtyRequest,
  type PageQuery,
  type UpdateSpecialtyRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { SpecialtiesService } from './specialties.service';

@Controller()
export class SpecialtiesController {
  constructor(private readonly specialties: SpecialtiesService) {}

  @Rpc(SchedulingRpc.createSpecialty)
  create(@Payload() q: CreateSpecialtyRequest, @Meta() m: RequestMeta) {
    return this.specialties.create(q, m);
  }

  @Rpc(SchedulingRpc.updateSpecialty)
  update(@Payload() q: UpdateSpecialtyRequest, @Meta() m: RequestMeta) {
    return this.specialties.update(q, m);
  }

  @Rpc(SchedulingRpc.listSpecialties)
  list(@Payload() q: PageQuery, @Meta() m: RequestMeta) {
    return this.specialties.list(q, m);
  }
}
