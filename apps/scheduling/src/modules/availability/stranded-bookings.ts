import { SlotMode } from '@telehealth/contracts';
import type { ExpandedSlot } from './slot-expansion.types';

/** A booked seat, as far as availability changes are concerned. */
export interface BookedSeat {
  slotId: string;
  seat: number;
  appointmentId: string;
}

/**
 * The booked seats a change of availability would strand: their slot is offered now but not
 * afterwards, or afterwards ends at another time, moves to another clinic, no longer offers
 * the mode it had, or has fewer seats than the one held. Seats whose slot is not offered now
 * either are not this change's doing and are left out.
 */
export function strandedSeats(booked: BookedSeat[], before: ExpandedSlot[], after: ExpandedSlot[]): BookedSeat[] {
  const offered = new Map(before.map((s) => [s.id, s]));
  const remaining = new Map(after.map((s) => [s.id, s]));
  return booked.filter((b) => {
    const was = offered.get(b.slotId);
    if (!was || b.seat >= was.capacity) return false;
    const will = remaining.get(b.slotId);
    return !will || !stillHolds(was, will, b.seat);
  });
}

function stillHolds(was: ExpandedSlot, will: ExpandedSlot, seat: number): boolean {
  return (
    will.end.getTime() === was.end.getTime() &&
    will.clinicId === was.clinicId &&
    (will.mode === was.mode || will.mode === SlotMode.BOTH) &&
    seat < will.capacity
  );
}
