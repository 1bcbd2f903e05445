import { Injectable } from '@nestjs/common';
import {
  Role,
  toPage,
  type CreateUserRequest,
  type Page,
  type PageQuery,
  type StaffView,
  type UserView,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { PiiCipher } from '../../crypto/pii-cipher';
import { toUserView } from '../users/user.mapper';
import { OrganisationsService } from '../organisations/organisations.service';

/** Staff accounts of a provider organisation (seed 002 provider_users). */
@Injectable()
export class StaffService {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly repo: UsersRepository,
    private readonly pii: PiiCipher,
  ) {}

  async add(q: CreateUserRequest & { organisationId: string }, meta: RequestMeta): Promise<StaffView> {
    requireRole(meta, Role.ADMIN);
    await this.organisations.requireExists(q.organisationId, 'id');
    const roles = q.roles.filter((r) => r === Role.PROVIDER_STAFF || r === Role.DOCTOR);
    if (!roles.length) throw DomainError.invalid('roles', 'must include PROVIDER_STAFF or DOCTOR');
    const user = await this.users.createUser({ ...q, roles }, meta);
    return toStaffView(user, q.organisationId, q.title ?? null);
  }

  async list(organisationId: string, q: PageQuery, meta: RequestMeta): Promise<Page<StaffView>> {
    this.organisations.requireMemberOrAdmin(organisationId, meta);
    await this.organisations.requireExists(organisationId, 'id');
    const { items, total } = await this.repo.search({ ...q, organisationId });
    return toPage(
      items.map((u) => toStaffView(toUserView(u, this.pii), organisationId, u.title)),
      total,
      q,
    );
  }
}

const toStaffView = (u: UserView, organisationId: string, title: string | null): StaffView => ({
  userId: u.id,
  organisationId,
  firstName: u.firstName,
  lastName: u.lastName,
  email: u.email,
  title,
  roles: u.roles,
});
