import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
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
import { findPage } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert } from '@telehealth/messaging/eventing';
import { assertTimeZone } from '../users/user.rules';
import { ORGANISATION_MODEL, type OrganisationDoc } from './organisation.schema';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectModel(ORGANISATION_MODEL) private readonly organisations: Model<OrganisationDoc>,
    private readonly relay: OutboxRelay,
  ) {}

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
    const doc = await this.organisations.create({
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
      ...outboxOnInsert([event]),
    });
    this.relay.kick();
    return toOrganisationView(doc.toObject());
  }

  /** Admins see every organisation; staff see their own; nobody else lists them here. */
  async list(q: PageQuery, meta: RequestMeta): Promise<Page<OrganisationView>> {
    const caller = requireRole(meta, Role.ADMIN, Role.PROVIDER_STAFF, Role.DOCTOR);
    const filter: FilterQuery<OrganisationDoc> = { deletedAt: null };
    if (!caller.roles.includes(Role.ADMIN)) filter._id = { $in: caller.organisationIds };
    const { items, total } = await findPage(this.organisations, filter, { createdAt: -1, _id: 1 }, q);
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
    const doc = await this.organisations.findOne({ _id: id, deletedAt: null }).lean<OrganisationDoc>();
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
