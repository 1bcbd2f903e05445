import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  SchedulingEvents,
  type AvailabilityRuleChangedV1,
  type AvailabilityRuleView,
  type CreateRuleRequest,
  type UpdateRuleRequest,
} from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { flag } from '../../validation/field-rules';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { AvailabilitySource } from './availability-source';
import { toRuleView } from './availability.mapper';
import { AVAILABILITY_RULE_MODEL, type AvailabilityRuleDoc } from './availability-rule.schema';
import { assertRuleFields, overlappingRule, type RuleFields } from './availability.rules';
import { unchangedSince } from './rule-revision';
import { StrandGuard } from './strand-guard';

/** Checks of an edit against bookings landing at the same moment, before it gives up (409). */
const MAX_ATTEMPTS = 3;

/**
 * A doctor's weekly availability rules, managed by the doctor, their organisation's staff and
 * admins (others get 404). Edits and removals never strand booked appointments (StrandGuard).
 */
@Injectable()
export class AvailabilityRulesService {
  constructor(
    @InjectModel(AVAILABILITY_RULE_MODEL) private readonly rules: Model<AvailabilityRuleDoc>,
    private readonly profiles: DoctorProfilesService,
    private readonly source: AvailabilitySource,
    private readonly guard: StrandGuard,
    private readonly relay: OutboxRelay,
  ) {}

  async list(doctorId: string, meta: RequestMeta): Promise<AvailabilityRuleView[]> {
    const doctor = await this.profiles.requireManaged(doctorId, meta);
    return (await this.source.load(doctor._id)).rules;
  }

  async create(q: CreateRuleRequest, meta: RequestMeta): Promise<AvailabilityRuleView> {
    const doctor = await this.profiles.requireManaged(q.doctorId, meta);
    const fields = ruleFields(q);
    assertRuleFields(fields);
    await this.source.assertDoctorClinic(doctor, fields.clinicId);
    refuseOverlap(fields, (await this.source.load(doctor._id)).rules);
    const rule = { _id: randomUUID(), doctorId: doctor._id, ...fields, active: true };
    const event = ruleChanged(rule, 'CREATED', Object.keys(fields), meta);
    const doc = await this.rules.create({ ...rule, ...outboxOnInsert([event]) });
    this.relay.kick();
    return toRuleView(doc.toObject());
  }

  async update(q: UpdateRuleRequest, meta: RequestMeta): Promise<AvailabilityRuleView> {
    const { rule, doctor } = await this.managed(q.id, q.doctorId, meta);
    if (q.active !== undefined && !flag(q.active, 'active')) {
      await this.deactivate(rule, doctor, meta);
      return toRuleView({ ...rule, active: false });
    }
    const { id: _id, doctorId: _doctorId, active: _active, ...patch } = q;
    const updated = await this.guarded(rule, meta, async (current) => {
      const fields = ruleFields({ ...toRuleView(current), ...definedOnly(patch) });
      assertRuleFields(fields);
      if (fields.clinicId !== current.clinicId) await this.source.assertDoctorClinic(doctor, fields.clinicId);
      const before = await this.source.load(doctor._id);
      refuseOverlap(
        fields,
        before.rules.filter((r) => r.id !== current._id),
      );
      const after = { ...before, rules: before.rules.map((r) => (r.id === current._id ? { ...r, ...fields } : r)) };
      await this.guard.assertNoneStranded(doctor, before, after);
      return fields;
    });
    return toRuleView(updated);
  }

  /** Deactivates the rule (kept for the history of bookings made under it). */
  async remove(q: { id: string; doctorId?: string }, meta: RequestMeta): Promise<{ ok: true }> {
    const { rule, doctor } = await this.managed(q.id, q.doctorId, meta);
    await this.deactivate(rule, doctor, meta);
    return { ok: true };
  }

  private async deactivate(rule: AvailabilityRuleDoc, doctor: DoctorProfileDoc, meta: RequestMeta): Promise<void> {
    await this.guarded(rule, meta, async (current) => {
      const before = await this.source.load(doctor._id);
      await this.guard.assertNoneStranded(doctor, before, {
        ...before,
        rules: before.rules.filter((r) => r.id !== current._id),
      });
      return { active: false };
    });
  }

  /**
   * Writes a change of `rule` that `check` approved against the bookings it saw, only if no
   * booking counted itself on the rule (and no other edit landed) since the rule was read: the
   * booking and the edit contend on the rule document, so one of them loses. A lost race is
   * checked again from the rule as it is now (the new booking may be the one it would strand).
   */
  private async guarded(
    rule: AvailabilityRuleDoc,
    meta: RequestMeta,
    check: (current: AvailabilityRuleDoc) => Promise<Partial<AvailabilityRuleDoc>>,
  ): Promise<AvailabilityRuleDoc> {
    let current = rule;
    for (let attempt = 1; ; attempt++) {
      const set = await check(current);
      const changed = Object.keys(set).filter(
        (k) => JSON.stringify(set[k as keyof typeof set]) !== JSON.stringify(current[k as keyof typeof current]),
      );
      if (!changed.length) return current;
      const event = ruleChanged({ ...current, ...set }, set.active === false ? 'REMOVED' : 'UPDATED', changed, meta);
      const updated = await this.rules
        .findOneAndUpdate(
          { _id: current._id, active: true, ...unchangedSince(current) },
          withEvents<AvailabilityRuleDoc>({ $set: set, $inc: { revision: 1 } }, [event]),
          { new: true },
        )
        .lean<AvailabilityRuleDoc>();
      if (updated) {
        this.relay.kick();
        return updated;
      }
      const now = await this.rules.findOne({ _id: current._id, active: true }).lean<AvailabilityRuleDoc>();
      if (!now) throw DomainError.notFound('Availability rule');
      if (attempt >= MAX_ATTEMPTS)
        throw DomainError.conflict(
          'The rule was booked under or changed at the same moment; reload and retry',
          'CONCURRENT_CHANGE',
        );
      current = now;
    }
  }

  /** An active rule (of `doctorId`, when given) of a doctor the caller manages; else not found. */
  private async managed(
    id: string,
    doctorId: string | undefined,
    meta: RequestMeta,
  ): Promise<{ rule: AvailabilityRuleDoc; doctor: DoctorProfileDoc }> {
    const rule = await this.rules.findOne({ _id: id, active: true }).lean<AvailabilityRuleDoc>();
    if (!rule || (doctorId !== undefined && rule.doctorId !== doctorId)) {
      throw DomainError.notFound('Availability rule');
    }
    return { rule, doctor: await this.profiles.requireManaged(rule.doctorId, meta, 'Availability rule') };
  }
}

/** scheduling.availability-rule.changed.v1 for the rule as it is after the change. */
function ruleChanged(
  r: Omit<AvailabilityRuleDoc, 'createdAt' | 'updatedAt' | 'outbox'>,
  change: AvailabilityRuleChangedV1['change'],
  fields: string[],
  meta: RequestMeta,
) {
  const payload: AvailabilityRuleChangedV1 = {
    ruleId: r._id,
    doctorId: r.doctorId,
    change,
    changedFields: [...fields].sort(),
    clinicId: r.clinicId,
    weekday: r.weekday,
    startTime: r.startTime,
    endTime: r.endTime,
    slotMinutes: r.slotMinutes,
    maxPatients: r.maxPatients,
    fee: r.fee ? { amountMinor: r.fee.amountMinor, currency: r.fee.currency } : null,
    mode: r.mode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    active: r.active,
  };
  return createEvent(SchedulingEvents.availabilityRuleChanged, r._id, payload, {
    producer: 'scheduling',
    correlationId: meta.requestId,
  });
}

/** The rule's fields, optional ones defaulting to null. */
function ruleFields(q: Partial<RuleFields> & Pick<RuleFields, 'weekday' | 'startTime' | 'endTime'>): RuleFields {
  return {
    clinicId: q.clinicId ?? null,
    weekday: q.weekday,
    startTime: q.startTime,
    endTime: q.endTime,
    slotMinutes: q.slotMinutes as number,
    maxPatients: q.maxPatients as number,
    fee: q.fee ? { amountMinor: q.fee.amountMinor, currency: q.fee.currency } : null,
    mode: q.mode as RuleFields['mode'],
    validFrom: q.validFrom ?? null,
    validTo: q.validTo ?? null,
  };
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function refuseOverlap(fields: RuleFields, others: AvailabilityRuleView[]): void {
  const other = overlappingRule(fields, others);
  if (other) {
    throw DomainError.conflict(
      `Overlaps rule ${other.id} (weekday ${other.weekday}, ${other.startTime}-${other.endTime}): a doctor cannot be in two places at once`,
      'RULE_OVERLAP',
    );
  }
}
