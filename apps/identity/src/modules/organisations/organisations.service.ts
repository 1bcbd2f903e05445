import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  IdentityEvents,
  OrganisationStatus,
  Role,
  toPage,
  type CreateOrganisationRequest,
  type OrganisationView,
  type Page,
  type PageQuery,
} from '@telehealth/contracts';
import { DomainError, requireCaller, requireRole, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { assertTimeZone } from '../users/user.rules';
import type { OrganisationDoc } from './organisation.schema';
import { OrganisationsRepository } from './organisations.repository';

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async create(q: CreateOrganisationRequest, meta: RequestMeta): Promise<OrganisationView> {
    requireRole(meta, Role.ADMIN);
    assertTimeZone(q.timeZone, 'timeZone');
    const id = randomUUID();
    const event = createEvent(
      IdentityEvents.organisationCreated,
      id,
      { organisationId: id, name: q.name, city: q.city, country: q.country, timeZone: q.timeZone },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doc = await this.organisations.insert(
      {
        _id: id,
        name: q.name.trim(),
        email: q.email.trim().toLowerCase(),
        phone: q.phone ?? null,
        bio: q.bio ?? null,
        city: q.city,
        country: q.country,
        timeZone: q.timeZone,
        status: OrganisationStatus.ACTIVE,
        deletedAt: null,
      },
      [event],
    );
    return toOrganisationView(doc);
  }

  /** Admins see every organisation; staff see their own; nobody else lists them here. */
  async list(q: PageQuery, meta: RequestMeta): Promise<Page<OrganisationView>> {
    const caller = requireRole(meta, Role.ADMIN, Role.PROVIDER_STAFF, Role.DOCTOR);
    const memberOf = caller.roles.includes(Role.ADMIN) ? null : caller.organisationIds;
    const { items, total } = await this.organisations.page(q, memberOf);
    return toPage(items.map(toOrganisationView), total, q);
  }

  async get(id: string, meta: RequestMeta): Promise<OrganisationView> {
    this.requireMemberOrAdmin(id, meta);
    return toOrganisationView(await this.requireExists(id, 'id'));
  }

  requireMemberOrAdmin(id: string, meta: RequestMeta): void {
    const caller = requireCaller(meta);
    if (!caller.roles.includes(Role.ADMIN) && !caller.organisationIds.includes(id))
      throw DomainError.notFound('Organisation');
  }

  async requireExists(id: string, field: string): Promise<OrganisationDoc> {
    const doc = await this.organisations.findActive(id);
    if (!doc) {
      throw field === 'id'
        ? DomainError.notFound('Organisation')
        : DomainError.invalid(field, 'does not name an existing organisation');
    }
    return doc;
  }
}

const toOrganisationView = (d: OrganisationDoc): OrganisationView => ({
  id: d._id,
  name: d.name,
  email: d.email,
  phone: d.phone,
  bio: d.bio,
  city: d.city,
  country: d.country,
  timeZone: d.timeZone,
  status: d.status,
  createdAt: d.createdAt.toISOString(),
});
