import { Injectable } from '@nestjs/common';
import {
  IdentityRpc,
  type CategoryKey,
  Role,
  type NotificationPreferencesView,
  type OrganisationPreferences,
  type OrganisationPreferencesView,
  type UpdateOrganisationPreferencesRequest,
  type UpdatePreferencesRequest,
} from '@telehealth/contracts';
import { DomainError, RpcClient, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { OrganisationPreferencesRepository } from './organisation-preferences.repository';
import {
  DEFAULT_ORGANISATION_PREFERENCES,
  TRANSACTIONAL_KEYS,
  applyUpdate,
  defaultPreferences,
  type Preferences,
} from './preferences.rules';
import { UserPreferencesRepository } from './user-preferences.repository';

const ORG_KEYS = Object.keys(DEFAULT_ORGANISATION_PREFERENCES) as (keyof OrganisationPreferences)[];

/** Per-user preferences (the caller's own) and per-organisation settings (its staff and admins). */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly users: UserPreferencesRepository,
    private readonly organisations: OrganisationPreferencesRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** The effective preferences of a user (defaults until they change something). */
  async of(userId: string): Promise<Preferences & { updatedAt: Date | null }> {
    const doc = await this.users.findOf(userId);
    if (!doc) return { ...defaultPreferences(), updatedAt: null };
    // Categories added after the user saved theirs start from the defaults.
    const defaults = defaultPreferences();
    return {
      channels: { ...defaults.channels, ...doc.channels },
      categories: Object.fromEntries(
        Object.entries(defaults.categories).map(([k, v]) => [
          k,
          { ...v, ...(doc.categories?.[k as CategoryKey] ?? {}) },
        ]),
      ) as Preferences['categories'],
      quietHours: doc.quietHours ?? null,
      updatedAt: doc.updatedAt,
    };
  }

  async get(meta: RequestMeta): Promise<NotificationPreferencesView> {
    const { userId } = requireCaller(meta);
    return view(userId, await this.of(userId));
  }

  async update(q: UpdatePreferencesRequest, meta: RequestMeta): Promise<NotificationPreferencesView> {
    const { userId } = requireCaller(meta);
    const next = applyUpdate(await this.of(userId), q ?? {});
    const updatedAt = new Date();
    await this.users.save(userId, {
      channels: next.channels,
      categories: next.categories,
      quietHours: next.quietHours,
      updatedAt,
    });
    return view(userId, { ...next, updatedAt });
  }

  /** An organisation's settings (seed 002 defaults until changed). */
  async organisation(organisationId: string): Promise<OrganisationPreferences> {
    const doc = await this.organisations.findOf(organisationId);
    return doc ? pickOrg(doc) : { ...DEFAULT_ORGANISATION_PREFERENCES };
  }

  async getOrganisation(organisationId: string, meta: RequestMeta): Promise<OrganisationPreferencesView> {
    await this.requireOrganisationAccess(organisationId, meta);
    const doc = await this.organisations.findOf(organisationId);
    return {
      organisationId,
      ...(doc ? pickOrg(doc) : DEFAULT_ORGANISATION_PREFERENCES),
      updatedAt: doc?.updatedAt.toISOString() ?? null,
    };
  }

  async updateOrganisation(
    q: UpdateOrganisationPreferencesRequest,
    meta: RequestMeta,
  ): Promise<OrganisationPreferencesView> {
    await this.requireOrganisationAccess(q.organisationId, meta);
    const next = await this.organisation(q.organisationId);
    for (const key of ORG_KEYS) {
      const value = q[key];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') throw DomainError.invalid(key, 'must be true or false');
      next[key] = value;
    }
    const updatedAt = new Date();
    await this.organisations.save(q.organisationId, { ...next, updatedAt });
    return { organisationId: q.organisationId, ...next, updatedAt: updatedAt.toISOString() };
  }

  /**
   * Staff of the organisation (from their token) or an admin; anyone else is told it does not
   * exist. For an admin, identity confirms the organisation exists.
   */
  private async requireOrganisationAccess(organisationId: string, meta: RequestMeta): Promise<void> {
    const caller = requireCaller(meta);
    if (caller.roles.includes(Role.ADMIN)) {
      await this.rpc.call(IdentityRpc.getOrganisation, { id: organisationId }, meta);
      return;
    }
    if (!caller.roles.includes(Role.PROVIDER_STAFF) || !caller.organisationIds.includes(organisationId)) {
      throw DomainError.notFound('Organisation');
    }
  }
}

const pickOrg = (d: OrganisationPreferences): OrganisationPreferences =>
  Object.fromEntries(
    ORG_KEYS.map((k) => [k, d[k] ?? DEFAULT_ORGANISATION_PREFERENCES[k]]),
  ) as unknown as OrganisationPreferences;

function view(userId: string, p: Preferences & { updatedAt: Date | null }): NotificationPreferencesView {
  return {
    userId,
    channels: p.channels,
    categories: p.categories,
    quietHours: p.quietHours,
    transactionalCategories: TRANSACTIONAL_KEYS,
    updatedAt: p.updatedAt?.toISOString() ?? null,
  };
}
