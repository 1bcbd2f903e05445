import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  Role,
  SchedulingEvents,
  toPage,
  type ClinicChangedV1,
  type ClinicView,
  type CreateClinicRequest,
  type Page,
  type PageQuery,
  type UpdateClinicRequest,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { findPage } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import {
  assertGeoPoint,
  assertTimeZone,
  flag,
  optionalText,
  requiredText,
  textList,
} from '../../validation/field-rules';
import { CLINIC_MODEL, type ClinicDoc } from './clinic.schema';
import { assertOperatingHours, normaliseAddress } from './clinic.rules';
import { canManageClinic, isAdmin } from './directory-access';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Clinics: admins and staff of the clinic's organisation manage them; everyone reads active ones. */
@Injectable()
export class ClinicsService {
  constructor(
    @InjectModel(CLINIC_MODEL) private readonly clinics: Model<ClinicDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async create(q: CreateClinicRequest, meta: RequestMeta): Promise<ClinicView> {
    const caller = requireRole(meta, Role.ADMIN, Role.PROVIDER_STAFF);
    const organisationId = q.organisationId ?? null;
    if (!isAdmin(caller)) {
      if (!organisationId) throw DomainError.invalid('organisationId', 'is required for provider staff');
      if (!caller.organisationIds.includes(organisationId)) {
        throw DomainError.forbidden('Staff may only add clinics of their own organisation', 'NOT_YOUR_ORGANISATION');
      }
    }
    const address = normaliseAddress(q.address, 'address');
    assertGeoPoint(q.geo, 'geo');
    assertTimeZone(q.timeZone, 'timeZone');
    assertOperatingHours(q.operatingHours, 'operatingHours');
    const fields = {
      _id: randomUUID(),
      name: requiredText(q.name, 200, 'name'),
      organisationId,
      address,
      cityKey: address.city.toLowerCase(),
      geo: { lat: q.geo.lat, lng: q.geo.lng },
      phone: optionalText(q.phone, 30, 'phone'),
      email: emailOf(q.email),
      timeZone: q.timeZone,
      operatingHours: sortedHours(q.operatingHours),
      facilities: textList(q.facilities ?? [], 50, 100, 'facilities'),
      active: true,
    };
    const event = clinicChanged(fields, 'CREATED', Object.keys(fields), meta);
    const doc = await this.clinics.create({ ...fields, ...outboxOnInsert([event]) });
    this.relay.kick();
    return toClinicView(doc.toObject());
  }

  async update(q: UpdateClinicRequest, meta: RequestMeta): Promise<ClinicView> {
    const caller = requireRole(meta, Role.ADMIN, Role.PROVIDER_STAFF);
    const current = await this.clinics.findById(q.id).lean<ClinicDoc>();
    // A clinic of another organisation is indistinguishable from a missing one.
    if (!current || !canManageClinic(caller, current)) throw DomainError.notFound('Clinic');
    const set: Partial<ClinicDoc> = {};
    if (q.organisationId !== undefined && q.organisationId !== current.organisationId) {
      if (!isAdmin(caller)) throw DomainError.forbidden('Only an admin may move a clinic to another organisation');
      set.organisationId = q.organisationId;
    }
    if (q.name !== undefined) set.name = requiredText(q.name, 200, 'name');
    if (q.address !== undefined) {
      set.address = normaliseAddress(q.address, 'address');
      set.cityKey = set.address.city.toLowerCase();
    }
    if (q.geo !== undefined) {
      assertGeoPoint(q.geo, 'geo');
      set.geo = { lat: q.geo.lat, lng: q.geo.lng };
    }
    if (q.phone !== undefined) set.phone = optionalText(q.phone, 30, 'phone');
    if (q.email !== undefined) set.email = emailOf(q.email);
    if (q.timeZone !== undefined) {
      assertTimeZone(q.timeZone, 'timeZone');
      set.timeZone = q.timeZone;
    }
    if (q.operatingHours !== undefined) {
      assertOperatingHours(q.operatingHours, 'operatingHours');
      set.operatingHours = sortedHours(q.operatingHours);
    }
    if (q.facilities !== undefined) set.facilities = textList(q.facilities, 50, 100, 'facilities');
    if (q.active !== undefined) set.active = flag(q.active, 'active');
    if (!Object.keys(set).length) return toClinicView(current);
    const event = clinicChanged({ ...current, ...set }, 'UPDATED', Object.keys(set), meta);
    const updated = await this.clinics
      .findOneAndUpdate({ _id: current._id }, withEvents<ClinicDoc>({ $set: set }, [event]), { new: true })
      .lean<ClinicDoc>();
    if (!updated) throw DomainError.notFound('Clinic');
    this.relay.kick();
    return toClinicView(updated);
  }

  /** Active clinics are public; inactive ones only for those who manage them. */
  async get(id: string, meta: RequestMeta): Promise<ClinicView> {
    const doc = await this.clinics.findById(id).lean<ClinicDoc>();
    if (!doc || (!doc.active && !canManageClinic(meta.caller, doc))) throw DomainError.notFound('Clinic');
    return toClinicView(doc);
  }

  async list(q: PageQuery & { city?: string; organisationId?: string }, meta: RequestMeta): Promise<Page<ClinicView>> {
    const filter: FilterQuery<ClinicDoc> = {};
    if (q.city !== undefined) filter.cityKey = requiredText(q.city, 100, 'city').toLowerCase();
    if (q.organisationId !== undefined) filter.organisationId = q.organisationId;
    if (!isAdmin(meta.caller)) {
      const own = meta.caller?.roles.includes(Role.PROVIDER_STAFF) ? meta.caller.organisationIds : [];
      filter.$or = [{ active: true }, ...(own.length ? [{ organisationId: { $in: own } }] : [])];
    }
    const { items, total } = await findPage(this.clinics, filter, { name: 1, _id: 1 }, q);
    return toPage(items.map(toClinicView), total, q);
  }

  /** The active clinics among `ids`, by id. */
  async activeByIds(ids: string[]): Promise<Map<string, ClinicDoc>> {
    if (!ids.length) return new Map();
    const docs = await this.clinics.find({ _id: { $in: [...new Set(ids)] }, active: true }).lean<ClinicDoc[]>();
    return new Map(docs.map((d) => [d._id, d]));
  }

  /** Ids of active clinics in a city (case-insensitive). */
  async idsInCity(city: string): Promise<string[]> {
    const docs = await this.clinics
      .find({ cityKey: city.trim().toLowerCase(), active: true }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }
}

/** scheduling.clinic.changed.v1 for the clinic as it is after the change. */
function clinicChanged(
  c: Pick<ClinicDoc, '_id' | 'organisationId' | 'name' | 'address' | 'timeZone' | 'operatingHours' | 'active'>,
  change: ClinicChangedV1['change'],
  fields: string[],
  meta: RequestMeta,
) {
  const payload: ClinicChangedV1 = {
    clinicId: c._id,
    organisationId: c.organisationId,
    change,
    // cityKey is the lower-cased city, not a field of its own.
    changedFields: fields.filter((f) => f !== '_id' && f !== 'cityKey').sort(),
    name: c.name,
    city: c.address.city,
    country: c.address.country,
    timeZone: c.timeZone,
    operatingHours: c.operatingHours.map((h) => ({ weekday: h.weekday, open: h.open, close: h.close })),
    active: c.active,
  };
  return createEvent(SchedulingEvents.clinicChanged, c._id, payload, {
    producer: 'scheduling',
    correlationId: meta.requestId,
  });
}

function emailOf(value: string | null | undefined): string | null {
  const email = optionalText(value, 254, 'email');
  if (email && !EMAIL.test(email)) throw DomainError.invalid('email', 'must be a valid email address');
  return email?.toLowerCase() ?? null;
}

const sortedHours = (hours: ClinicDoc['operatingHours']) =>
  [...hours].sort((a, b) => a.weekday - b.weekday).map((h) => ({ weekday: h.weekday, open: h.open, close: h.close }));

export const toClinicView = (d: ClinicDoc): ClinicView => ({
  id: d._id,
  name: d.name,
  organisationId: d.organisationId,
  address: {
    line1: d.address.line1,
    line2: d.address.line2 ?? null,
    city: d.address.city,
    state: d.address.state ?? null,
    country: d.address.country,
    postcode: d.address.postcode ?? null,
  },
  geo: { lat: d.geo.lat, lng: d.geo.lng },
  phone: d.phone,
  email: d.email,
  timeZone: d.timeZone,
  operatingHours: d.operatingHours.map((h) => ({ weekday: h.weekday, open: h.open, close: h.close })),
  facilities: d.facilities,
  active: d.active,
});
