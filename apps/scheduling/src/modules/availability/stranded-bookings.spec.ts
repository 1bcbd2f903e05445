import {
  ExceptionKind,
  SlotMode,
  type AvailabilityExceptionView,
  type AvailabilityRuleView,
} from '@telehealth/contracts';
import { expandSlots } from './slot-expansion';
import { slotIdOf, type ExpandedSlot } from './slot-expansion.types';
import { strandedSeats, type BookedSeat } from './stranded-bookings';

const DOCTOR = 'doc-1';
const CLINIC = 'clinic-vi';
// Monday 2 March 2026 in Lagos (UTC+1).
const at = (utc: string) => new Date(`2026-03-02T${utc}:00.000Z`);

const monday: AvailabilityRuleView = {
  id: 'rule-1',
  doctorId: DOCTOR,
  clinicId: CLINIC,
  weekday: 1,
  startTime: '09:00',
  endTime: '13:00',
  slotMinutes: 30,
  maxPatients: 1,
  fee: null,
  mode: SlotMode.IN_CLINIC,
  validFrom: null,
  validTo: null,
  active: true,
};

function slots(rules: AvailabilityRuleView[], exceptions: AvailabilityExceptionView[] = []): ExpandedSlot[] {
  return expandSlots({
    doctorId: DOCTOR,
    doctorTimeZone: 'Africa/Lagos',
    defaultFee: { amountMinor: 1_500_000, currency: 'NGN' },
    rules,
    exceptions,
    clinics: {
      [CLINIC]: { timeZone: 'Africa/Lagos', operatingHours: [{ weekday: 1, open: '08:00', close: '18:00' }] },
    },
    fromDate: '2026-03-01',
    toDate: '2026-03-03',
    now: new Date('2026-03-01T00:00:00.000Z'),
    policy: { minNoticeMinutes: 0, horizonDays: 30, bufferMinutes: 0 },
  });
}

const seat = (utc: string, appointmentId: string, n = 0): BookedSeat => ({
  slotId: slotIdOf(DOCTOR, at(utc)),
  seat: n,
  appointmentId,
});

// 09:00 and 12:30 Lagos time.
const early = seat('08:00', 'apt-early');
const late = seat('11:30', 'apt-late');
const before = slots([monday]);

describe('strandedSeats', () => {
  it('the bookings are on slots the rule offers (the cases below are not vacuous)', () => {
    const ids = new Set(before.map((s) => s.id));
    expect(ids.has(early.slotId) && ids.has(late.slotId)).toBe(true);
  });

  it('an unchanged rule strands nothing', () => {
    expect(strandedSeats([early, late], before, slots([monday]))).toEqual([]);
  });

  it('removing the rule strands every booking under it', () => {
    expect(strandedSeats([early, late], before, slots([]))).toEqual([early, late]);
  });

  it('ending the rule at 12:00 strands only the 12:30 booking', () => {
    expect(strandedSeats([early, late], before, slots([{ ...monday, endTime: '12:00' }]))).toEqual([late]);
  });

  it('moving the rule to Tuesday strands both', () => {
    expect(strandedSeats([early, late], before, slots([{ ...monday, weekday: 2 }]))).toEqual([early, late]);
  });

  it('20-minute slots strand the booking whose slot would end at another time', () => {
    // 09:00 still starts a slot but it ends 09:20; 12:30 is no longer a start at all.
    expect(strandedSeats([early, late], before, slots([{ ...monday, slotMinutes: 20 }]))).toEqual([early, late]);
  });

  it('widening the mode to BOTH keeps in-clinic bookings; narrowing it to ONLINE strands them', () => {
    expect(strandedSeats([early], before, slots([{ ...monday, mode: SlotMode.BOTH }]))).toEqual([]);
    expect(strandedSeats([early], before, slots([{ ...monday, mode: SlotMode.ONLINE }]))).toEqual([early]);
  });

  it('moving online (no clinic) strands in-clinic bookings', () => {
    expect(strandedSeats([early], before, slots([{ ...monday, clinicId: null, mode: SlotMode.ONLINE }]))).toEqual([
      early,
    ]);
  });

  it('fewer seats strand only the seats beyond the new capacity', () => {
    const three = slots([{ ...monday, maxPatients: 3 }]);
    const seats = [seat('08:00', 'a0', 0), seat('08:00', 'a1', 1), seat('08:00', 'a2', 2)];
    expect(strandedSeats(seats, three, slots([{ ...monday, maxPatients: 2 }]))).toEqual([seats[2]]);
    expect(
      strandedSeats(seats, three, slots([{ ...monday, maxPatients: 3, fee: { amountMinor: 1, currency: 'NGN' } }])),
    ).toEqual([]);
  });

  it('blocking the afternoon strands the 12:30 booking', () => {
    const blocked: AvailabilityExceptionView = {
      id: 'exc-1',
      doctorId: DOCTOR,
      clinicId: null,
      date: '2026-03-02',
      kind: ExceptionKind.BLOCKED,
      startTime: '12:00',
      endTime: '17:00',
      slotMinutes: null,
      maxPatients: null,
      mode: null,
      reason: null,
    };
    expect(strandedSeats([early, late], before, slots([monday], [blocked]))).toEqual([late]);
  });

  it('ignores bookings whose slot is not offered now either', () => {
    const orphan = seat('15:00', 'apt-orphan');
    expect(strandedSeats([orphan], before, slots([]))).toEqual([]);
  });
});
