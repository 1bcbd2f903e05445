import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SchedulingRpc, type UpsertDoctorProfileRequest } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { DoctorProfilesService } from './doctor-profiles.service';

@Controller()
export class DoctorsController {
  /** Search (SchedulingRpc.searchDoctors) is answered by the search module. */
  constructor(private readonly profiles: DoctorProfilesService) {}

  @Rpc(SchedulingRpc.upsertDoctorProfile)
  upsert(@Payload() q: UpsertDoctorProfileRequest, @Meta() m: RequestMeta) {
    return this.profiles.upsert(q, m);
  }

  @Rpc(SchedulingRpc.getDoctor)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.profiles.get(q.id, m);
  }
}
