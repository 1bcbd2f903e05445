import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  type CreateUserRequest,
  type SetRolesRequest,
  type UpdateMeRequest,
  type UserSearchQuery,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Rpc(IdentityRpc.getMe)
  getMe(@Meta() m: RequestMeta) {
    return this.users.getMe(m);
  }

  @Rpc(IdentityRpc.updateMe)
  updateMe(@Payload() q: UpdateMeRequest, @Meta() m: RequestMeta) {
    return this.users.updateMe(q, m);
  }

  @Rpc(IdentityRpc.deleteMe)
  deleteMe(@Meta() m: RequestMeta) {
    return this.users.deleteMe(m);
  }

  @Rpc(IdentityRpc.createUser)
  create(@Payload() q: CreateUserRequest, @Meta() m: RequestMeta) {
    return this.users.createUser(q, m);
  }

  @Rpc(IdentityRpc.searchUsers)
  search(@Payload() q: UserSearchQuery, @Meta() m: RequestMeta) {
    return this.users.search(q, m);
  }

  @Rpc(IdentityRpc.getUser)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.users.getUser(q.id, m);
  }

  @Rpc(IdentityRpc.setRoles)
  setRoles(@Payload() q: SetRolesRequest, @Meta() m: RequestMeta) {
    return this.users.setRoles(q, m);
  }

  @Rpc(IdentityRpc.userContact)
  contact(@Payload() q: { userId: string; dependentId?: string }, @Meta() m: RequestMeta) {
    return this.users.contact(q.userId, m, q.dependentId);
  }

  @Rpc(IdentityRpc.deleteUser)
  delete(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.users.deleteUser(q.id, m);
  }
}
