import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ErrorCode } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { SchedulingConfig } from '../../config/scheduling.config';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from '../seats/seat-claim.schema';
import { AvailabilitySource, type DoctorAvailability } from './availability-source';
import { expandSlots } from './slot-expansion';
import { strandedSeats } from './stranded-bookings';

const DAY_MS = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Refuses a change of availability that would leave booked appointments without their slot.
 * Compares the slots of the doctor's future booked seats before and after the change (in each
 * venue's zone, as the expansion engine lays them out) and names the appointments it would strand.
 * A check only reads: a rule edit is then written on condition that no booking counted itself on
 * the rule since (AvailabilityRulesService.guarded, SlotCatalog.markBooked), so a booking landing
 * between the check and the write makes the edit check again rather than strand it.
 */
@Injectable()
export class StrandGuard {
  constructor(
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
    private readonly source: AvailabilitySource,
    private readonly config: SchedulingConfig,
  ) {}

  async assertNoneStranded(
    doctor: DoctorProfileDoc,
    before: DoctorAvailability,
    after: DoctorAvailability,
  ): Promise<void> {
    const now = new Date();
    const booked = await this.claims
      .find({ doctorId: doctor._id, start: { $gt: now } }, { slotId: 1, seat: 1, appointmentId: 1, start: 1 })
      .lean<SeatClaimDoc[]>();
    if (!booked.length) return;
    const starts = booked.map((b) => b.start.getTime());
    const last = Math.max(...starts);
    const window = {
      // Local dates lie within a day of UTC ones.
      fromDate: isoDate(Math.min(...starts) - DAY_MS),
      toDate: isoDate(last + DAY_MS),
      now,
      policy: {
        minNoticeMinutes: 0,
        horizonDays: Math.ceil((last - now.getTime()) / DAY_MS) + 2,
        bufferMinutes: this.config.SLOT_BUFFER_MINUTES,
      },
    };
    const venues = await this.source.venues(before, after);
    const stranded = strandedSeats(
      booked,
      expandSlots(this.source.input(doctor, before, venues, window)),
      expandSlots(this.source.input(doctor, after, venues, window)),
    );
    if (!stranded.length) return;
    const ids = [...new Set(stranded.map((s) => s.appointmentId))];
    throw new DomainError(
      ErrorCode.CONFLICT,
      `This change would strand ${ids.length} booked appointment${ids.length === 1 ? '' : 's'}; cancel or reschedule ${ids.length === 1 ? 'it' : 'them'} first`,
      { reason: 'WOULD_STRAND_BOOKINGS', details: [{ field: 'appointmentIds', problem: ids.join(',') }] },
    );
  }
}
