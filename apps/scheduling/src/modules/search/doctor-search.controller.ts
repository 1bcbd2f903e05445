import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SchedulingRpc, type DoctorSearchQuery } from '@telehealth/contracts';
import { Rpc } from '@telehealth/messaging';
import { DoctorSearchService } from './doctor-search.service';

@Controller()
export class DoctorSearchController {
  constructor(private readonly finder: DoctorSearchService) {}

  @Rpc(SchedulingRpc.searchDoctors)
  search(@Payload() q: DoctorSearchQuery) {
    return this.finder.search(q);
  }
}
