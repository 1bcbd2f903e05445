import type { ExpandedSlot } from '../availability/slot-expansion.types';

export interface BookableSlot {
  slot: ExpandedSlot;
  doctor: { id: string; organisationId: string | null; requiresConfirmation: boolean; allowDirectBooking: boolean };
}

/**
 * Resolves a slot id to the slot the doctor's availability really produces now (inside notice
 * and horizon), with the doctor's booking settings; null when there is no such slot.
 */
export abstract class SlotCatalog {
  abstract find(slotId: string, now: Date): Promise<BookableSlot | null>;
}

/** `${doctorId}:${startIso}` -> its parts, or null when malformed. */
export function parseSlotId(slotId: string): { doctorId: string; start: Date } | null {
  const at = slotId.indexOf(':');
  if (at <= 0) return null;
  const start = new Date(slotId.slice(at + 1));
  return Number.isNaN(start.getTime()) ? null : { doctorId: slotId.slice(0, at), start };
}
