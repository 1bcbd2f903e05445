import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { MONGO_URI } from '@telehealth/testing';
import { DAY_CLAIM_MODEL, DayClaimSchema } from './day-claim.schema';
import { SEAT_CLAIM_MODEL, SeatClaimSchema } from './seat-claim.schema';
import { SeatsService } from './seats.service';

const DB = `it_seats_${randomUUID().slice(0, 8)}`;

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: SEAT_CLAIM_MODEL, schema: SeatClaimSchema },
      { name: DAY_CLAIM_MODEL, schema: DayClaimSchema },
    ]),
  ],
  providers: [SeatsService],
})
class SeatsTestModule {}

describe('SeatsService (real database, racing)', () => {
  let app: INestApplicationContext;
  let seats: SeatsService;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(SeatsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    seats = app.get(SeatsService);
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const request = (slotId: string, capacity: number) => ({
    slotId,
    doctorId: 'doc-1',
    start: new Date(),
    capacity,
    appointmentId: randomUUID(),
  });

  it('50 concurrent claims of a 3-seat slot: exactly 3 seats, all different', async () => {
    const slotId = `doc-1:${randomUUID()}`;
    const got = (await Promise.all(Array.from({ length: 50 }, () => seats.claim(request(slotId, 3))))).filter(Boolean);
    expect(got.sort()).toEqual([`${slotId}#0`, `${slotId}#1`, `${slotId}#2`]);
  });

  it('a released seat can be claimed again, and only by one of the racers', async () => {
    const slotId = `doc-1:${randomUUID()}`;
    const first = request(slotId, 1);
    const seat = await seats.claim(first);
    expect(await seats.claim(request(slotId, 1))).toBeNull();
    await seats.release(seat, 'someone-else'); // not theirs: nothing happens
    expect(await seats.claim(request(slotId, 1))).toBeNull();
    await seats.release(seat, first.appointmentId);
    const again = (await Promise.all(Array.from({ length: 20 }, () => seats.claim(request(slotId, 1))))).filter(
      Boolean,
    );
    expect(again).toEqual([seat]);
  });

  it('40 concurrent bookings on one day under a cap of 5: exactly 5 places', async () => {
    const day = `2031-0${Math.floor(Math.random() * 9) + 1}-15`;
    const got = (
      await Promise.all(Array.from({ length: 40 }, () => seats.claimDay('doc-2', day, 5, randomUUID())))
    ).filter(Boolean);
    expect(got).toHaveLength(5);
    expect(new Set(got).size).toBe(5);
  });
});
