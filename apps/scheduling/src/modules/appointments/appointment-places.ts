import { Injectable } from '@nestjs/common';
import { DomainError } from '@telehealth/messaging';
import { SchedulingConfig } from '../../config/scheduling.config';
import type { ExpandedSlot } from '../availability/slot-expansion.types';
import { SeatsService, type ClaimOptions } from '../seats/seats.service';

/** Where an appointment sits: a seat of its slot and, under a daily cap, a place in the doctor's day. */
export interface Place {
  seatClaimId: string;
  dayClaimId: string | null;
}

/** Takes and frees an appointment's place: both claims or neither. */
@Injectable()
export class AppointmentPlaces {
  constructor(
    private readonly seats: SeatsService,
    private readonly config: SchedulingConfig,
  ) {}

  /** With `resume`, places the appointment already holds there are kept (see ClaimOptions). */
  async take(slot: ExpandedSlot, appointmentId: string, options: ClaimOptions = {}): Promise<Place> {
    const seatClaimId = await this.seats.claim(
      { slotId: slot.id, doctorId: slot.doctorId, start: slot.start, capacity: slot.capacity, appointmentId },
      options,
    );
    if (!seatClaimId) throw DomainError.conflict('This slot is fully booked', 'SLOT_FULL');
    const cap = this.config.MAX_APPOINTMENTS_PER_DAY;
    if (!cap) return { seatClaimId, dayClaimId: null };
    const dayClaimId = await this.seats.claimDay(slot.doctorId, slot.localDate, cap, appointmentId, options);
    if (!dayClaimId) {
      await this.seats.release(seatClaimId, appointmentId);
      throw DomainError.conflict(
        `The doctor takes at most ${cap} appointments on ${slot.localDate}`,
        'DAILY_CAP_REACHED',
      );
    }
    return { seatClaimId, dayClaimId };
  }

  /** Frees the claims, if they are still this appointment's. */
  async free(place: { seatClaimId: string | null; dayClaimId: string | null }, appointmentId: string): Promise<void> {
    await this.seats.release(place.seatClaimId, appointmentId);
    await this.seats.releaseDay(place.dayClaimId, appointmentId);
  }
}
