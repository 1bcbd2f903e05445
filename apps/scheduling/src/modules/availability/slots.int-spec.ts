import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectModel, MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { SlotMode } from '@telehealth/contracts';
import { MONGO_URI } from '@telehealth/testing';
import { SchedulingConfig } from '../../config/scheduling.config';
import { ClinicsService } from '../directory/clinics.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { DAY_CLAIM_MODEL, DayClaimSchema } from '../seats/day-claim.schema';
import { SEAT_CLAIM_MODEL, SeatClaimSchema } from '../seats/seat-claim.schema';
import { SeatsService } from '../seats/seats.service';
import { AVAILABILITY_EXCEPTION_MODEL, AvailabilityExceptionSchema } from './availability-exception.schema';
import { AVAILABILITY_RULE_MODEL, AvailabilityRuleSchema, type AvailabilityRuleDoc } from './availability-rule.schema';
import { AvailabilitySource } from './availability-source';
import { SlotsService } from './slots.service';

const DB = `it_slots_${randomUUID().slice(0, 8)}`;
const CAP = 2;

const doctor = {
  _id: `doc-${randomUUID()}`,
  timeZone: 'Africa/Lagos',
  baseFee: { amountMinor: 500_000, currency: 'NGN' },
  clinics: [],
  active: true,
} as unknown as DoctorProfileDoc;

/** The rule model, to give the doctor availability. */
class Rules {
  constructor(@InjectModel(AVAILABILITY_RULE_MODEL) readonly model: Model<AvailabilityRuleDoc>) {}
}

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
    SlotsService,
    SeatsService,
    AvailabilitySource,
    Rules,
    { provide: ClinicsService, useValue: { activeByIds: async () => new Map() } },
    { provide: DoctorProfilesService, useValue: { requireVisible: async () => doctor } },
    {
      provide: SchedulingConfig,
      useValue: Object.assign(new SchedulingConfig(), {
        MAX_APPOINTMENTS_PER_DAY: CAP,
        SLOT_LIST_CACHE_SECONDS: 0,
        BOOKING_MIN_NOTICE_MINUTES: 0,
      }),
    },
  ],
})
class SlotsTestModule {}

describe('SlotsService (real database)', () => {
  let app: INestApplicationContext;
  let slots: SlotsService;
  let seats: SeatsService;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const other = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
  const list = () => slots.list({ doctorId: doctor._id, from: day, to: other }, { requestId: 'r' });

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(SlotsTestModule, { logger: false });
    await app.init();
    slots = app.get(SlotsService);
    seats = app.get(SeatsService);
    const rules = app.get(Rules).model;
    for (const date of [day, other]) {
      await rules.create({
        _id: randomUUID(),
        doctorId: doctor._id,
        clinicId: null,
        weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
        startTime: '09:00',
        endTime: '11:00',
        slotMinutes: 30,
        maxPatients: 1,
        fee: null,
        mode: SlotMode.ONLINE,
        validFrom: null,
        validTo: null,
        active: true,
      });
    }
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  it("shows a day that reached the doctor's daily cap as unavailable, and only that day", async () => {
    const before = await list();
    const onDay = before.filter((s) => s.localDate === day);
    expect(onDay).toHaveLength(4);
    expect(before.filter((s) => s.localDate === other)).toHaveLength(4);
    // Two of the four slots of `day` are booked: the doctor's cap of two is reached.
    for (const s of onDay.slice(0, CAP)) {
      const appointmentId = randomUUID();
      const start = new Date(s.start);
      expect(await seats.claim({ slotId: s.id, doctorId: doctor._id, start, capacity: 1, appointmentId })).toBeTruthy();
      expect(await seats.claimDay(doctor._id, day, CAP, appointmentId)).toBeTruthy();
    }
    const after = await list();
    expect(after.filter((s) => s.localDate === day).map((s) => s.available)).toEqual([0, 0, 0, 0]);
    expect(after.filter((s) => s.localDate === other).map((s) => s.available)).toEqual([1, 1, 1, 1]);
  });
});
