import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AvailabilityRuleView } from '@telehealth/contracts';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { SlotCatalog, parseSlotId, type BookableSlot } from '../appointments/slot-catalog';
import { AVAILABILITY_RULE_MODEL, type AvailabilityRuleDoc } from './availability-rule.schema';
import { atRevision } from './rule-revision';
import type { ExpandedSlot } from './slot-expansion.types';
import { SlotsService } from './slots.service';

const DAY_MS = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Booking's view of availability: a slot id resolves only to a slot an active doctor offers now. */
@Injectable()
export class AvailabilitySlotCatalog extends SlotCatalog {
  constructor(
    @InjectModel(AVAILABILITY_RULE_MODEL) private readonly rules: Model<AvailabilityRuleDoc>,
    private readonly profiles: DoctorProfilesService,
    private readonly slots: SlotsService,
  ) {
    super();
  }

  async find(slotId: string, now: Date): Promise<BookableSlot | null> {
    const parsed = parseSlotId(slotId);
    if (!parsed) return null;
    const doctor = await this.profiles.findActive(parsed.doctorId);
    if (!doctor) return null;
    const at = parsed.start.getTime();
    const { slots, availability } = await this.slots.expandWithSource(
      doctor,
      isoDate(at - DAY_MS),
      isoDate(at + DAY_MS),
      now,
    );
    const slot = slots.find((s) => s.id === slotId);
    if (!slot) return null;
    const rule = ruleOf(slot, availability.rules);
    return {
      slot,
      doctor: {
        id: doctor._id,
        organisationId: doctor.organisationId,
        requiresConfirmation: doctor.requiresConfirmation,
        allowDirectBooking: doctor.allowDirectBooking,
      },
      rule: rule ? { id: rule.id, revision: availability.revisions?.get(rule.id) ?? 0 } : null,
    };
  }

  async markBooked({ rule }: BookableSlot): Promise<boolean> {
    if (!rule) return true;
    // The driver's update: a booking is no change of the slot inputs (no cache bump, no updatedAt).
    const done = await this.rules.collection.updateOne(
      { _id: rule.id, active: true, ...atRevision(rule.revision) } as object,
      { $inc: { bookings: 1 } },
    );
    return done.matchedCount === 1;
  }
}

/**
 * The active rule a slot comes from: same venue, weekday and validity, its start inside the
 * rule's hours. Rules of a doctor never overlap, so there is at most one; none for a slot of an
 * extra-hours exception.
 */
export function ruleOf(slot: ExpandedSlot, rules: AvailabilityRuleView[]): AvailabilityRuleView | null {
  const weekday = new Date(`${slot.localDate}T00:00:00Z`).getUTCDay();
  return (
    rules.find(
      (r) =>
        r.active &&
        r.clinicId === slot.clinicId &&
        r.weekday === weekday &&
        (r.validFrom === null || r.validFrom <= slot.localDate) &&
        (r.validTo === null || slot.localDate <= r.validTo) &&
        r.startTime <= slot.localStart &&
        slot.localStart < r.endTime,
    ) ?? null
  );
}
