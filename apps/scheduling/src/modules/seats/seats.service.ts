import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/messaging';
import { DAY_CLAIM_MODEL, type DayClaimDoc } from './day-claim.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from './seat-claim.schema';

export interface SeatRequest {
  slotId: string;
  doctorId: string;
  start: Date;
  capacity: number;
  appointmentId: string;
}

/**
 * Seats of slots and places in a doctor's day, taken and released by unique-id inserts and
 * deletes (see SeatClaimDoc, DayClaimDoc).
 */
@Injectable()
export class SeatsService {
  constructor(
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
    @InjectModel(DAY_CLAIM_MODEL) private readonly days: Model<DayClaimDoc>,
  ) {}

  /** Takes a free seat of the slot for the appointment; returns its claim id, or null when full. */
  async claim(r: SeatRequest): Promise<string | null> {
    const taken = new Set((await this.claims.find({ slotId: r.slotId }, { seat: 1 }).lean()).map((c) => c.seat));
    for (let seat = 0; seat < r.capacity; seat++) {
      if (taken.has(seat)) continue;
      try {
        const id = `${r.slotId}#${seat}`;
        await this.claims.create({
          _id: id,
          slotId: r.slotId,
          doctorId: r.doctorId,
          seat,
          appointmentId: r.appointmentId,
          start: r.start,
          claimedAt: new Date(),
        });
        return id;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Someone took this seat between our read and our insert: try the next one.
      }
    }
    return null;
  }

  /** Takes one of the doctor's `cap` places on a local day; null when the day is full. */
  async claimDay(doctorId: string, localDate: string, cap: number, appointmentId: string): Promise<string | null> {
    const prefix = `${doctorId}:${localDate}#`;
    const taken = new Set((await this.days.find({ doctorId, localDate }, { _id: 1 }).lean()).map((d) => d._id));
    for (let n = 0; n < cap; n++) {
      const id = `${prefix}${n}`;
      if (taken.has(id)) continue;
      try {
        await this.days.create({ _id: id, doctorId, localDate, appointmentId, claimedAt: new Date() });
        return id;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return null;
  }

  async releaseDay(claimId: string | null, appointmentId: string): Promise<void> {
    if (claimId) await this.days.deleteOne({ _id: claimId, appointmentId });
  }

  /** Frees the seat, if it is still this appointment's. */
  async release(claimId: string | null, appointmentId: string): Promise<void> {
    if (claimId) await this.claims.deleteOne({ _id: claimId, appointmentId });
  }
}
