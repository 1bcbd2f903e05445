import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimNumbered, releaseNumbered } from '@telehealth/persistence';
import { DAY_CLAIM_MODEL, type DayClaimDoc } from './day-claim.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from './seat-claim.schema';

export interface SeatRequest {
  slotId: string;
  doctorId: string;
  start: Date;
  capacity: number;
  appointmentId: string;
}

/** How a claim treats a place the appointment already holds under the same key. */
export interface ClaimOptions {
  /**
   * Return it instead of taking a second one: a booking retried after its first attempt crashed
   * (same appointment id, derived from the Idempotency-Key) resumes with the place it took.
   */
  resume?: boolean;
}

/**
 * Seats of slots (`${slotId}#n`, n < capacity) and places in a doctor's day
 * (`${doctorId}:${localDate}#n`, n < cap): numbered claims (`claimNumbered`), released only by
 * the appointment holding them (`releaseNumbered`).
 */
@Injectable()
export class SeatsService {
  constructor(
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
    @InjectModel(DAY_CLAIM_MODEL) private readonly days: Model<DayClaimDoc>,
  ) {}

  /** Takes a free seat of the slot for the appointment; returns its claim id, or null when full. */
  claim(r: SeatRequest, { resume = false }: ClaimOptions = {}): Promise<string | null> {
    const { slotId, doctorId, start, appointmentId } = r;
    return claimNumbered(
      this.claims,
      slotId,
      r.capacity,
      (_id, seat) => ({ slotId, doctorId, seat, appointmentId, start, claimedAt: new Date() }),
      { heldBy: resume ? { appointmentId } : undefined },
    );
  }

  /** Takes one of the doctor's `cap` places on a local day; null when the day is full. */
  claimDay(
    doctorId: string,
    localDate: string,
    cap: number,
    appointmentId: string,
    { resume = false }: ClaimOptions = {},
  ): Promise<string | null> {
    return claimNumbered(
      this.days,
      `${doctorId}:${localDate}`,
      cap,
      () => ({ doctorId, localDate, appointmentId, claimedAt: new Date() }),
      { heldBy: resume ? { appointmentId } : undefined },
    );
  }

  /** Frees the day place, if it is still this appointment's. */
  async releaseDay(claimId: string | null, appointmentId: string): Promise<void> {
    await releaseNumbered(this.days, claimId, { appointmentId });
  }

  /** Frees the seat, if it is still this appointment's. */
  async release(claimId: string | null, appointmentId: string): Promise<void> {
    await releaseNumbered(this.claims, claimId, { appointmentId });
  }
}
