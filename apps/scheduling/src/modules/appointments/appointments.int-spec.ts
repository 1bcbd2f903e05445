import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { AppointmentStatus, CallPreference, ConsultationMode, SchedulingEvents } from '@telehealth/contracts';
import { RpcClient } from '@telehealth/messaging';
import { OutboxRelay } from '@telehealth/messaging/eventing';
import { IDEMPOTENCY_KEY_MODEL, IdempotencyKeySchema } from '@telehealth/persistence';
import { MONGO_URI } from '@telehealth/testing';
import { SchedulingConfig } from '../../config/scheduling.config';
import { DAY_CLAIM_MODEL, DayClaimSchema } from '../seats/day-claim.schema';
import { SEAT_CLAIM_MODEL, SeatClaimSchema, type SeatClaimDoc } from '../seats/seat-claim.schema';
import { SeatsService } from '../seats/seats.service';
import { ConfirmationDeadlines } from './appointment-deadlines';
import { AppointmentPlaces } from './appointment-places';
import {
  APPOINTMENT_MODEL,
  AppointmentSchema,
  TRANSITION_MODEL,
  TransitionSchema,
  type AppointmentDoc,
  type TransitionDoc,
} from './appointment.schema';
import { AppointmentStore } from './appointment.store';
import { BookingKeys } from './booking-keys';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { Action, decide } from './lifecycle';
import { SlotCatalog, type BookableSlot } from './slot-catalog';
import { BookAppointment } from './usecases/book-appointment/book-appointment.usecase';
import { FakeClock, FakeSlotCatalog, FakeTimerQueue, NOW, metaOf, patient, slotAt } from './usecases/testing/fakes';
import { Clock, IdGenerator, RandomIdGenerator } from '@telehealth/service-kit';

const DB = `it_appointments_${randomUUID().slice(0, 8)}`;
const LEASE_SECONDS = 0.3;

/** A slot catalog whose next `markBooked` never returns: the booking's process died there. */
class CrashingSlotCatalog extends FakeSlotCatalog {
  crashNext = false;
  private crashed!: () => void;
  /** Settles when a booking has crashed (its key and its seat taken). */
  readonly crash = new Promise<void>((resolve) => (this.crashed = resolve));
  override async markBooked(found: BookableSlot): Promise<boolean> {
    if (!this.crashNext) return super.markBooked(found);
    this.crashNext = false;
    this.crashed();
    return new Promise<boolean>(() => undefined);
  }
}

const slots = new CrashingSlotCatalog();
const relay = { kicks: 0, kick: () => void relay.kicks++ };

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: APPOINTMENT_MODEL, schema: AppointmentSchema },
      { name: TRANSITION_MODEL, schema: TransitionSchema },
      { name: IDEMPOTENCY_KEY_MODEL, schema: IdempotencyKeySchema },
      { name: SEAT_CLAIM_MODEL, schema: SeatClaimSchema },
      { name: DAY_CLAIM_MODEL, schema: DayClaimSchema },
    ]),
  ],
  providers: [
    SeatsService,
    AppointmentStore,
    BookingKeys,
    AppointmentPlaces,
    ConfirmationDeadlines,
    BookAppointment,
    { provide: OutboxRelay, useValue: relay },
    { provide: SlotCatalog, useValue: slots },
    { provide: HoldExpiryQueue, useValue: new FakeTimerQueue() },
    { provide: ConfirmationDeadlineQueue, useValue: new FakeTimerQueue() },
    { provide: RpcClient, useValue: {} },
    { provide: Clock, useValue: new FakeClock(NOW) },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    {
      provide: SchedulingConfig,
      useValue: Object.assign(new SchedulingConfig(), {
        RPC_TIMEOUT_MS: 2_000,
        IDEMPOTENCY_KEY_LEASE_SECONDS: LEASE_SECONDS,
      }),
    },
  ],
})
class AppointmentsTestModule {}

describe('Appointments on the real database', () => {
  let app: INestApplicationContext;
  let store: AppointmentStore;
  let book: BookAppointment;
  let seatClaims: Model<SeatClaimDoc>;
  let transitions: Model<TransitionDoc>;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppointmentsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    store = app.get(AppointmentStore);
    book = app.get(BookAppointment);
    seatClaims = app.get(getModelToken(SEAT_CLAIM_MODEL));
    transitions = app.get(getModelToken(TRANSITION_MODEL));
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  let hours = 24;
  /** A one-seat paid slot of its own doctor, offered for booking. */
  const newSlot = () => {
    const doctorId = `doc-${randomUUID().slice(0, 8)}`;
    const slot = slotAt(hours++, { doctorId });
    return slots.offer({ ...slot, id: `${doctorId}:${slot.start.toISOString()}` });
  };
  const request = (slotId: string, idempotencyKey?: string) => ({
    slotId,
    mode: ConsultationMode.ONLINE,
    contactNumber: '+2348000000000',
    callPreference: CallPreference.VIDEO,
    idempotencyKey,
  });

  describe('booking with an Idempotency-Key', () => {
    it('a booking that died after claiming its key and seat: a retry after the lease books it, on that seat', async () => {
      const slot = newSlot();
      const body = request(slot.id, `crash-${randomUUID()}`);
      slots.crashNext = true;
      void book.execute(body, metaOf(patient)); // never answers: its process died
      await slots.crash;
      expect(await seatClaims.countDocuments({ slotId: slot.id })).toBe(1);

      await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000 + 200));
      const retried = await book.execute(body, metaOf(patient));
      expect(retried.status).toBe(AppointmentStatus.PENDING_PAYMENT);
      const held = await seatClaims.find({ slotId: slot.id }).lean();
      expect(held.map((s) => s.appointmentId)).toEqual([retried.id]);
      expect((await book.execute(body, metaOf(patient))).id).toBe(retried.id);
    });

    it('10 concurrent requests with one key: one booking, one seat, the same answer for all', async () => {
      const slot = newSlot();
      const body = request(slot.id, `race-${randomUUID()}`);
      const views = await Promise.all(Array.from({ length: 10 }, () => book.execute(body, metaOf(patient))));
      expect(new Set(views.map((v) => v.id)).size).toBe(1);
      expect(await seatClaims.countDocuments({ slotId: slot.id })).toBe(1);
    });
  });

  describe('the transition log', () => {
    const booked = async (): Promise<AppointmentDoc> => {
      const view = await book.execute(request(newSlot().id), metaOf(patient));
      return (await store.load(view.id))!;
    };
    const changeOf = (a: AppointmentDoc, action: Action) => ({
      transition: decide(a, action)!,
      event: undefined,
      actorId: `actor-${action}`,
    });

    it('30 racing changes from one version: exactly one is logged and projected, the others lose', async () => {
      const a = await booked();
      const actions = [Action.PAY, Action.EXPIRE, Action.CANCEL];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.apply(a, changeOf(a, actions[i % 3]))),
      );
      const won = results.filter((r): r is AppointmentDoc => r !== null);
      expect(won).toHaveLength(1);
      const log = await transitions.find({ _id: { $regex: `^${a._id}:` } }).lean();
      expect(log).toHaveLength(1);
      const now = await store.load(a._id);
      expect(now).toMatchObject({ version: 1, status: log[0].to });
      expect(won[0].status).toBe(log[0].to);
    });

    it('a crash between the log insert and the projection update: the next load applies it, with its event', async () => {
      const a = await booked();
      const event = {
        id: randomUUID(),
        type: SchedulingEvents.appointmentCancelled.type,
        occurredAt: new Date().toISOString(),
      };
      // Logged by a process that died before moving the projection (an entry as they were written
      // before the log was a VersionedLog: the aggregate named only by `appointmentId`).
      const legacy: Omit<TransitionDoc, 'aggregateId'> = {
        _id: `${a._id}:1`,
        appointmentId: a._id,
        version: 1,
        action: Action.CANCEL,
        from: AppointmentStatus.PENDING_PAYMENT,
        to: AppointmentStatus.CANCELLED,
        set: { cancellation: { by: 'PATIENT', reason: 'crash test', at: new Date() } },
        event: JSON.stringify(event),
        actorId: patient.userId,
        at: new Date(),
      };
      await transitions.db.collection<typeof legacy>(transitions.collection.name).insertOne(legacy);
      const readers = await Promise.all(Array.from({ length: 10 }, () => store.load(a._id)));
      for (const r of readers) expect(r).toMatchObject({ version: 1, status: AppointmentStatus.CANCELLED });
      const doc = await app.get<Model<AppointmentDoc>>(getModelToken(APPOINTMENT_MODEL)).findById(a._id).lean();
      expect(doc).toMatchObject({
        version: 1,
        status: AppointmentStatus.CANCELLED,
        cancellation: { reason: 'crash test' },
      });
      // The held event of the booking, then the logged change's, once.
      expect(doc!.outbox.map((e) => e.subject)).toEqual([
        `evt.${SchedulingEvents.appointmentHeld.type}`,
        `evt.${SchedulingEvents.appointmentCancelled.type}`,
      ]);
    });
  });
});
