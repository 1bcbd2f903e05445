import { Api } from '@telehealth/testing';
import type { Session } from '../support/actors';
import { payByCard } from '../wallet/wallet-support';

/** Demo doctors (see the scheduling demo data): one seat per slot, and three seats per slot. */
export const ONE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000001';
export const THREE_SEAT_DOCTOR = 'd1000000-0000-4000-8000-000000000002';

export interface Slot {
  id: string;
  doctorId: string;
  clinicId: string | null;
  mode: 'IN_CLINIC' | 'ONLINE' | 'BOTH';
  start: string;
  capacity: number;
  available: number;
  fee: { amountMinor: number; currency: string };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Untouched slots of a doctor (no seat taken by an earlier suite) starting at least 3 h from now
 * (past the cancellation cut-off).
 */
export async function freeSlots(doctorId: string): Promise<Slot[]> {
  const res = await new Api().get(`/v1/doctors/${doctorId}/slots?from=${day(0)}&to=${day(13)}`);
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${JSON.stringify(res.body)}`);
  const soon = Date.now() + 3 * 3_600_000;
  return (res.body as Slot[]).filter((s) => s.available === s.capacity && new Date(s.start).getTime() > soon);
}

/** Hands each test its own slots, so suites never compete for one by accident. */
export class SlotDealer {
  private readonly used = new Set<string>();
  constructor(private readonly slots: Slot[]) {}
  /** The next unused slot (that can be booked online, with `online`). */
  take(online = false): Slot {
    const slot = this.slots.find((s) => !this.used.has(s.id) && (!online || s.mode !== 'IN_CLINIC'));
    if (!slot) throw new Error(`ran out of demo slots${online ? ' bookable online' : ''}`);
    this.used.add(slot.id);
    return slot;
  }
  /** The next unused slot of the same mode (a reschedule target the booking can move to). */
  takeLike(like: Slot): Slot {
    const slot = this.slots.find((s) => !this.used.has(s.id) && s.mode === like.mode);
    if (!slot) throw new Error(`ran out of ${like.mode} demo slots`);
    this.used.add(slot.id);
    return slot;
  }
}

/**
 * A booking of the slot. By card unless `extra` says otherwise: the sandbox checkout stays open
 * until a test pays it, so the booking waits in PENDING_PAYMENT (a wallet payment would settle
 * at once, from whatever the patient's wallet holds).
 */
export function bookingFor(slot: Slot, extra: Record<string, unknown> = {}) {
  const pay = { paymentMethod: 'CARD', ...extra };
  return slot.mode === 'ONLINE'
    ? { slotId: slot.id, mode: 'ONLINE', contactNumber: '+2348011112222', callPreference: 'VIDEO', ...pay }
    : { slotId: slot.id, mode: 'IN_CLINIC', clinicId: slot.clinicId, ...pay };
}

export const book = (s: Session, slot: Slot, extra: Record<string, unknown> = {}) =>
  s.api.post('/v1/appointments', bookingFor(slot, extra), { token: s.token });

/** The patient pays a card booking at its (sandbox) checkout. */
export const pay = (s: Session, appointmentId: string) => payByCard(s, appointmentId);
