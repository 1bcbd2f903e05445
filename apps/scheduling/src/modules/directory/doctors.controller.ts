import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SchedulingRpc, type DoctorSearchQuery, type UpsertDoctorProfileRequest } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { DoctorProfilesService } from './doctor-profiles.service';
import { DoctorSearchService } from './doctor-search.service';

@Controller()
export class DoctorsController {
  constructor(
    private readonly profiles: DoctorProfilesService,
    private readonly finder: DoctorSearchService,
  ) {}

  @Rpc(SchedulingRpc.upsertDoctorProfile)
  upsert(@Payload() q: UpsertDoctorProfileRequest, @Meta() m: RequestMeta) {
    return this.profiles.upsert(q, m);
  }

  @Rpc(SchedulingRpc.getDoctor)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.profiles.get(q.id, m);
  }

  @Rpc(SchedulingRpc.searchDoctors)
  search(@Payload() q: DoctorSearchQuery) {
    return this.finder.search(q);
  }
}
