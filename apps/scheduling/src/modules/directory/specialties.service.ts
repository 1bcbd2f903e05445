import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  Role,
  SchedulingEvents,
  toPage,
  type CreateSpecialtyRequest,
  type Page,
  type PageQuery,
  type SpecialtyChangedV1,
  type SpecialtyView,
  type UpdateSpecialtyRequest,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { findPage, insertUnique, isDuplicateKey } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { flag, optionalText, requiredText } from '../../validation/field-rules';
import { isAdmin } from './directory-access';
import { SPECIALTY_MODEL, type SpecialtyDoc } from './specialty.schema';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** Specialties: admins manage them; everyone lists the active ones. */
@Injectable()
export class SpecialtiesService {
  constructor(
    @InjectModel(SPECIALTY_MODEL) private readonly specialties: Model<SpecialtyDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async create(q: CreateSpecialtyRequest, meta: RequestMeta): Promise<SpecialtyView> {
    requireRole(meta, Role.ADMIN);
    const doc = {
      _id: randomUUID(),
      code: codeOf(q.code),
      name: requiredText(q.name, 100, 'name'),
      description: optionalText(q.description, 1000, 'description'),
      active: true,
    };
    const event = specialtyChanged(doc, 'CREATED', Object.keys(doc), meta);
    const created = await insertUnique(this.specialties, { ...doc, ...outboxOnInsert([event]) });
    if (!created) throw codeTaken(doc.code);
    this.relay.kick();
    return toSpecialtyView(created);
  }

  async update(q: UpdateSpecialtyRequest, meta: RequestMeta): Promise<SpecialtyView> {
    requireRole(meta, Role.ADMIN);
    const set: Partial<SpecialtyDoc> = {};
    if (q.code !== undefined) set.code = codeOf(q.code);
    if (q.name !== undefined) set.name = requiredText(q.name, 100, 'name');
    if (q.description !== undefined) set.description = optionalText(q.description, 1000, 'description');
    if (q.active !== undefined) set.active = flag(q.active, 'active');
    const current = await this.require(q.id);
    if (!Object.keys(set).length) return toSpecialtyView(current);
    const event = specialtyChanged({ ...current, ...set }, 'UPDATED', Object.keys(set), meta);
    try {
      // A new code taken by another specialty: the unique index refuses the update.
      const updated = await this.specialties
        .findOneAndUpdate({ _id: q.id }, withEvents<SpecialtyDoc>({ $set: set }, [event]), { new: true })
        .lean<SpecialtyDoc>();
      if (!updated) throw DomainError.notFound('Specialty');
      this.relay.kick();
      return toSpecialtyView(updated);
    } catch (err) {
      throw isDuplicateKey(err) ? codeTaken(set.code ?? '') : err;
    }
  }

  /** Active specialties by name; admins also see retired ones. */
  async list(q: PageQuery, meta: RequestMeta): Promise<Page<SpecialtyView>> {
    const filter: FilterQuery<SpecialtyDoc> = isAdmin(meta.caller) ? {} : { active: true };
    const { items, total } = await findPage(this.specialties, filter, { name: 1, _id: 1 }, q);
    return toPage(items.map(toSpecialtyView), total, q);
  }

  private async require(id: string): Promise<SpecialtyDoc> {
    const doc = await this.specialties.findById(id).lean<SpecialtyDoc>();
    if (!doc) throw DomainError.notFound('Specialty');
    return doc;
  }

  /** A doctor may only be filed under an active specialty. */
  async requireActiveCode(code: string, field: string): Promise<void> {
    if (!(await this.specialties.exists({ code, active: true }))) {
      throw DomainError.invalid(field, 'does not name an active specialty');
    }
  }
}

/** scheduling.specialty.changed.v1 for the specialty as it is after the change. */
function specialtyChanged(
  d: Pick<SpecialtyDoc, '_id' | 'code' | 'name' | 'active'>,
  change: SpecialtyChangedV1['change'],
  fields: string[],
  meta: RequestMeta,
) {
  const payload: SpecialtyChangedV1 = {
    specialtyId: d._id,
    change,
    changedFields: fields.filter((f) => f !== '_id').sort(),
    code: d.code,
    name: d.name,
    active: d.active,
  };
  return createEvent(SchedulingEvents.specialtyChanged, d._id, payload, {
    producer: 'scheduling',
    correlationId: meta.requestId,
  });
}

function codeOf(value: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!CODE.test(code)) {
    throw DomainError.invalid(
      'code',
      'must be 2-40 letters, digits or _ starting with a letter, e.g. GENERAL_PRACTICE',
    );
  }
  return code;
}

const codeTaken = (code: string) => DomainError.conflict(`Specialty code ${code} is taken`, 'SPECIALTY_CODE_TAKEN');

export const toSpecialtyView = (d: SpecialtyDoc): SpecialtyView => ({
  id: d._id,
  code: d.code,
  name: d.name,
  description: d.description,
  active: d.active,
});
