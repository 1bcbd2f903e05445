import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AvailabilityExceptionView, AvailabilityRuleView } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { ClinicsService } from '../directory/clinics.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { AVAILABILITY_EXCEPTION_MODEL, type AvailabilityExceptionDoc } from './availability-exception.schema';
import { toExceptionView, toRuleView } from './availability.mapper';
import { AVAILABILITY_RULE_MODEL, type AvailabilityRuleDoc } from './availability-rule.schema';
import type { ExpansionInput, ExpansionPolicy, Venue } from './slot-expansion.types';

/** A doctor's availability as the expansion engine takes it. */
export interface DoctorAvailability {
  rules: AvailabilityRuleView[];
  exceptions: AvailabilityExceptionView[];
  /** Each rule's revision as read with it (see AvailabilityRuleDoc.revision). */
  revisions?: Map<string, number>;
}

/** Reads a doctor's rules, exceptions and venues, and builds the expansion input from them. */
@Injectable()
export class AvailabilitySource {
  constructor(
    @InjectModel(AVAILABILITY_RULE_MODEL) private readonly rules: Model<AvailabilityRuleDoc>,
    @InjectModel(AVAILABILITY_EXCEPTION_MODEL) private readonly exceptions: Model<AvailabilityExceptionDoc>,
    private readonly clinics: ClinicsService,
  ) {}

  /** Active rules and the exceptions on local dates in [fromDate, toDate] (all when absent). */
  async load(doctorId: string, fromDate?: string, toDate?: string): Promise<DoctorAvailability> {
    const dates: FilterQuery<AvailabilityExceptionDoc> = {
      ...(fromDate && { $gte: fromDate }),
      ...(toDate && { $lte: toDate }),
    };
    const [rules, exceptions] = await Promise.all([
      this.rules.find({ doctorId, active: true }).sort({ weekday: 1, startTime: 1 }).lean<AvailabilityRuleDoc[]>(),
      this.exceptions
        .find({ doctorId, ...(Object.keys(dates).length && { date: dates }) })
        .sort({ date: 1, startTime: 1 })
        .lean<AvailabilityExceptionDoc[]>(),
    ]);
    return {
      rules: rules.map(toRuleView),
      exceptions: exceptions.map(toExceptionView),
      revisions: new Map(rules.map((r) => [r._id, r.revision ?? 0])),
    };
  }

  /** A rule or exception may only use an active clinic the doctor's profile lists. */
  async assertDoctorClinic(doctor: DoctorProfileDoc, clinicId: string | null): Promise<void> {
    if (clinicId === null) return;
    const listed = doctor.clinics.some((c) => c.clinicId === clinicId);
    if (!listed || !(await this.clinics.activeByIds([clinicId])).has(clinicId)) {
      throw DomainError.invalid('clinicId', "must be one of the doctor's active clinics");
    }
  }

  /** Time zone and opening hours of every active clinic the given availabilities use. */
  async venues(...availabilities: DoctorAvailability[]): Promise<Record<string, Venue>> {
    const ids = availabilities.flatMap((a) =>
      [...a.rules, ...a.exceptions].map((x) => x.clinicId).filter((id): id is string => id !== null),
    );
    const clinics = await this.clinics.activeByIds(ids);
    return Object.fromEntries(
      [...clinics.values()].map((c) => [c._id, { timeZone: c.timeZone, operatingHours: c.operatingHours }]),
    );
  }

  /**
   * The expansion input: a rule without a fee of its own costs the doctor's fee at its clinic,
   * else the doctor's base fee.
   */
  input(
    doctor: DoctorProfileDoc,
    availability: DoctorAvailability,
    venues: Record<string, Venue>,
    window: { fromDate: string; toDate: string; now: Date; policy: ExpansionPolicy },
  ): ExpansionInput {
    const clinicFees = new Map(doctor.clinics.map((c) => [c.clinicId, c.fee]));
    return {
      doctorId: doctor._id,
      doctorTimeZone: doctor.timeZone,
      defaultFee: doctor.baseFee,
      rules: availability.rules.map((r) => ({
        ...r,
        fee: r.fee ?? (r.clinicId !== null ? (clinicFees.get(r.clinicId) ?? null) : null),
      })),
      exceptions: availability.exceptions,
      clinics: venues,
      ...window,
    };
  }
}
