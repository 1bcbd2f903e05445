import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, type CreateUserRequest, type PageQuery } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { StaffService } from './staff.service';

@Controller()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Rpc(IdentityRpc.addStaff)
  addStaff(@Payload() q: CreateUserRequest & { organisationId: string }, @Meta() m: RequestMeta) {
    return this.staff.add(q, m);
  }

  @Rpc(IdentityRpc.listStaff)
  listStaff(@Payload() q: PageQuery & { id: string }, @Meta() m: RequestMeta) {
    return this.staff.list(q.id, { page: q.page, limit: q.limit }, m);
  }
}
