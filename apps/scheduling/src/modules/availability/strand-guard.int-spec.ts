import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { SlotMode } from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay } from '@telehealth/messaging/eventing';
import { MONGO_URI } from '@telehealth/testing';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SlotCatalog } from '../appointments/slot-catalog';
import { ClinicsService } from '../directory/clinics.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { DAY_CLAIM_MODEL, DayClaimSchema } from '../seats/day-claim.schema';
import { SEAT_CLAIM_MODEL, SeatClaimSchema } from '../seats/seat-claim.schema';
import { SeatsService } from '../seats/seats.service';
import { AVAILABILITY_EXCEPTION_MODEL, AvailabilityExceptionSchema } from './availability-exception.schema';
import { AVAILABILITY_RULE_MODEL, AvailabilityRuleSchema } from './availability-rule.schema';
import { AvailabilityRulesService } from './availability-rules.service';
import { AvailabilitySlotCatalog } from './availability-slot-catalog';
import { AvailabilitySource } from './availability-source';
import { SlotsService } from './slots.service';
import { StrandGuard } from './strand-guard';

const DB = `it_strand_${randomUUID().slice(0, 8)}`;
const meta: RequestMeta = { requestId: 'r' };

const newDoctor = () =>
  ({
    _id: `doc-${randomUUID()}`,
    organisationId: null,
    timeZone: 'Africa/Lagos',
    baseFee: { amountMinor: 500_000, currency: 'NGN' },
    clinics: [],
    active: true,
    requiresConfirmation: false,
    allowDirectBooking: true,
  }) as unknown as DoctorProfileDoc;

const doctors = new Map<string, DoctorProfileDoc>();
const byId = async (id: string) => doctors.get(id) ?? null;

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: AVAILABILITY_RULE_MODEL, schema: AvailabilityRuleSchema },
      { name: AVAILABILITY_EXCEPTION_MODEL, schema: AvailabilityExceptionSchema },
      { name: SEAT_CLAIM_MODEL, schema: SeatClaimSchema },
      { name: DAY_CLAIM_MODEL, schema: DayClaimSchema },
    ]),
  ],
  providers: [
    AvailabilityRulesService,
    StrandGuard,
    AvailabilitySource,
    SlotsService,
    SeatsService,
    { provide: SlotCatalog, useClass: AvailabilitySlotCatalog },
    { provide: ClinicsService, useValue: { activeByIds: async () => new Map() } },
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    {
      provide: DoctorProfilesService,
      useValue: { requireManaged: byId, findActive: byId, requireVisible: byId },
    },
    {
      provide: SchedulingConfig,
      useValue: Object.assign(new SchedulingConfig(), { SLOT_LIST_CACHE_SECONDS: 0, BOOKING_MIN_NOTICE_MINUTES: 0 }),
    },
  ],
})
class StrandTestModule {}

/**
 * A booking and an edit of the rule its slot comes from, interleaved at the worst moments: the
 * two contend on the rule document, so a booking is never left without its slot.
 */
describe('StrandGuard: bookings and rule edits contend on the rule (real database)', () => {
  let app: INestApplicationContext;
  let rules: AvailabilityRulesService;
  let guard: StrandGuard;
  let catalog: SlotCatalog;
  let seats: SeatsService;
  let slotsOf: SlotsService;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(StrandTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    rules = app.get(AvailabilityRulesService);
    guard = app.get(StrandGuard);
    catalog = app.get(SlotCatalog);
    seats = app.get(SeatsService);
    slotsOf = app.get(SlotsService);
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });
  afterEach(() => jest.restoreAllMocks());

  /** A doctor with one rule on `day`, 09:00-11:00 in 30-minute one-seat slots. */
  async function doctorWithRule() {
    const doctor = newDoctor();
    doctors.set(doctor._id, doctor);
    const rule = await rules.create(
      {
        doctorId: doctor._id,
        weekday: new Date(`${day}T00:00:00Z`).getUTCDay(),
        startTime: '09:00',
        endTime: '11:00',
        slotMinutes: 30,
        maxPatients: 1,
        mode: SlotMode.ONLINE,
        clinicId: null,
        fee: null,
        validFrom: null,
        validTo: null,
      },
      meta,
    );
    const slots = await slotsOf.list({ doctorId: doctor._id, from: day, to: day }, meta);
    expect(slots).toHaveLength(4);
    return { doctor, rule, slots };
  }

  /** What booking does with the database: look the slot up, take its seat, count it on its rule. */
  async function book(slotId: string, between: () => Promise<unknown> = async () => undefined): Promise<boolean> {
    const found = await catalog.find(slotId, new Date());
    if (!found) return false;
    await between();
    const appointmentId = randomUUID();
    const seat = await seats.claim({
      slotId,
      doctorId: found.slot.doctorId,
      start: found.slot.start,
      capacity: found.slot.capacity,
      appointmentId,
    });
    if (!seat) return false;
    if (await catalog.markBooked(found)) return true;
    await seats.release(seat, appointmentId);
    return false;
  }

  const reasonOf = async (p: Promise<unknown>): Promise<string | null> => {
    try {
      await p;
      return null;
    } catch (err) {
      if (err instanceof DomainError) return err.options.reason ?? err.code;
      throw err;
    }
  };

  it('a booking landing between the strand check and the removal of its rule: the removal loses', async () => {
    const { doctor, rule, slots } = await doctorWithRule();
    const check = guard.assertNoneStranded.bind(guard);
    let booked: boolean | undefined;
    jest.spyOn(guard, 'assertNoneStranded').mockImplementation(async (...args) => {
      await check(...args);
      // The check saw no booking; one lands now, before the removal is written.
      if (booked === undefined) booked = await book(slots[1].id);
    });
    const refused = await reasonOf(rules.remove({ id: rule.id, doctorId: doctor._id }, meta));
    expect(booked).toBe(true);
    expect(refused).toBe('WOULD_STRAND_BOOKINGS');
    expect((await slotsOf.list({ doctorId: doctor._id, from: day, to: day }, meta)).map((s) => s.booked)).toEqual([
      0, 1, 0, 0,
    ]);
  });

  it('a booking landing between the strand check and an edit that drops its slot: the edit loses', async () => {
    const { doctor, rule, slots } = await doctorWithRule();
    const check = guard.assertNoneStranded.bind(guard);
    let booked: boolean | undefined;
    jest.spyOn(guard, 'assertNoneStranded').mockImplementation(async (...args) => {
      await check(...args);
      if (booked === undefined) booked = await book(slots[3].id);
    });
    const refused = await reasonOf(rules.update({ id: rule.id, doctorId: doctor._id, endTime: '10:30' }, meta));
    expect(booked).toBe(true);
    expect(refused).toBe('WOULD_STRAND_BOOKINGS');
  });

  it('a removal landing between the look-up of a slot and its booking: the booking loses and gives its seat back', async () => {
    const { doctor, rule, slots } = await doctorWithRule();
    const booked = await book(slots[0].id, () => rules.remove({ id: rule.id, doctorId: doctor._id }, meta));
    expect(booked).toBe(false);
    expect(
      await seats.claim({ ...slots[0], slotId: slots[0].id, start: new Date(slots[0].start), appointmentId: 'x' }),
    ).toBe(`${slots[0].id}#0`);
  });

  it('bookings racing a removal: either the removal or the bookings, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const { doctor, rule, slots } = await doctorWithRule();
      const [removal, ...bookings] = await Promise.all([
        reasonOf(rules.remove({ id: rule.id, doctorId: doctor._id }, meta)),
        ...slots.map((s) => book(s.id)),
      ]);
      const removed = removal === null;
      const anyBooked = bookings.some(Boolean);
      expect({ round, removed, anyBooked, removal }).toEqual({
        round,
        removed: !anyBooked,
        anyBooked,
        removal: anyBooked ? 'WOULD_STRAND_BOOKINGS' : null,
      });
    }
  });
});
