import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  type CreateDependentRequest,
  type PageQuery,
  type UpdateDependentRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { DependentsService } from './dependents.service';

@Controller()
export class DependentsController {
  constructor(private readonly dependents: DependentsService) {}

  @Rpc(IdentityRpc.listDependents)
  list(@Payload() q: PageQuery, @Meta() m: RequestMeta) {
    return this.dependents.list(q, m);
  }

  @Rpc(IdentityRpc.createDependent)
  create(@Payload() q: CreateDependentRequest, @Meta() m: RequestMeta) {
    return this.dependents.create(q, m);
  }

  @Rpc(IdentityRpc.getDependent)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.dependents.get(q.id, m);
  }

  @Rpc(IdentityRpc.updateDependent)
  update(@Payload() q: UpdateDependentRequest, @Meta() m: RequestMeta) {
    return this.dependents.update(q, m);
  }

  @Rpc(IdentityRpc.removeDependent)
  remove(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.dependents.remove(q.id, m);
  }

  @Rpc(IdentityRpc.listUserDependents)
  listForAdmin(@Payload() q: PageQuery & { id: string }, @Meta() m: RequestMeta) {
    return this.dependents.listForAdmin(q.id, { page: q.page, limit: q.limit }, m);
  }
}
