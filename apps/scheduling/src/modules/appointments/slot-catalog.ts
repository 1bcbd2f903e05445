import type { ExpandedSlot } from '../availability/slot-expansion.types';

export interface BookableSlot {
  slot: ExpandedSlot;
  doctor: { id: string; organisationId: string | null; requiresConfirmation: boolean; allowDirectBooking: boolean };
  /** The weekly rule the slot comes from, at the revision it was computed from (null: an extra-hours exception). */
  rule: { id: string; revision: number } | null;
}

/**
 * Resolves a slot id to the slot the doctor's availability really produces now (inside notice
 * and horizon), with the doctor's booking settings; null when there is no such slot.
 */
export abstract class SlotCatalog {
  abstract find(slotId: string, now: Date): Promise<BookableSlot | null>;

  /**
   * Counts a booking (its seat already taken) on the rule its slot comes from, if that rule is
   * still at the revision the slot was computed from; false when it was edited or removed since
   * (the slot may be gone: the booking must give its seat back). An edit of the rule contends on
   * the same document, so a booking and an edit that would strand it cannot both succeed.
   */
  abstract markBooked(found: BookableSlot): Promise<boolean>;
}

/** `${doctorId}:${startIso}` -> its parts, or null when malformed. */
export function parseSlotId(slotId: string): { doctorId: string; start: Date } | null {
  const at = slotId.indexOf(':');
  if (at <= 0) return null;
  const start = new Date(slotId.slice(at + 1));
  return Number.isNaN(start.getTime()) ? null : { doctorId: slotId.slice(0, at), start };
}
