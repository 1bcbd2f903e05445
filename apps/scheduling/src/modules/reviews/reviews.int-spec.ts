import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { Role, SchedulingEvents } from '@telehealth/contracts';
import type { RequestMeta } from '@telehealth/messaging';
import { OutboxRelay } from '@telehealth/messaging/eventing';
import { MONGO_URI } from '@telehealth/testing';
import {
  APPOINTMENT_MODEL,
  AppointmentSchema,
  TRANSITION_MODEL,
  TransitionSchema,
} from '../appointments/appointment.schema';
import { AppointmentStore } from '../appointments/appointment.store';
import { DOCTOR_PROFILE_MODEL, DoctorProfileSchema } from '../directory/doctor-profile.schema';
import {
  REVIEW_MODEL,
  REVIEW_VISIBILITY_MODEL,
  ReviewSchema,
  ReviewVisibilityChangeSchema,
  type ReviewDoc,
  type ReviewVisibilityChangeDoc,
} from './review.schema';
import { ReviewsService } from './reviews.service';

const DB = `it_reviews_${randomUUID().slice(0, 8)}`;
const admin: RequestMeta = {
  requestId: 'r',
  caller: { userId: 'admin-1', roles: [Role.ADMIN], organisationIds: [] },
};

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: REVIEW_MODEL, schema: ReviewSchema },
      { name: REVIEW_VISIBILITY_MODEL, schema: ReviewVisibilityChangeSchema },
      { name: DOCTOR_PROFILE_MODEL, schema: DoctorProfileSchema },
      { name: APPOINTMENT_MODEL, schema: AppointmentSchema },
      { name: TRANSITION_MODEL, schema: TransitionSchema },
    ]),
  ],
  providers: [ReviewsService, AppointmentStore, { provide: OutboxRelay, useValue: { kick: () => undefined } }],
})
class ReviewsTestModule {}

describe('Review visibility as a versioned log (real database, racing)', () => {
  let app: INestApplicationContext;
  let service: ReviewsService;
  let reviews: Model<ReviewDoc>;
  let changes: Model<ReviewVisibilityChangeDoc>;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ReviewsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    service = app.get(ReviewsService);
    reviews = app.get(getModelToken(REVIEW_MODEL));
    changes = app.get(getModelToken(REVIEW_VISIBILITY_MODEL));
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const published = async (): Promise<ReviewDoc> =>
    (
      await reviews.create({
        _id: randomUUID(),
        appointmentId: randomUUID(),
        doctorId: 'doc-1',
        patientId: 'patient-1',
        overall: 4,
        facets: {},
        text: null,
        published: true,
        version: 0,
        outbox: [],
      })
    ).toObject();

  it('20 admins unpublishing at once: one change logged and announced, every one answered unpublished', async () => {
    const r = await published();
    const views = await Promise.all(
      Array.from({ length: 20 }, () => service.setPublished({ id: r._id, published: false }, admin)),
    );
    expect(views.every((v) => v.published === false)).toBe(true);
    expect(await changes.countDocuments({ aggregateId: r._id })).toBe(1);
    const doc = await reviews.findById(r._id).lean<ReviewDoc>();
    expect(doc).toMatchObject({ version: 1, published: false });
    expect(doc!.outbox.map((e) => e.subject)).toEqual([`evt.${SchedulingEvents.reviewVisibilityChanged.type}`]);
  });

  it('a change logged (before the log named its aggregate) by a process that died before projecting it is applied by the next change', async () => {
    const r = await published();
    const legacy: Omit<ReviewVisibilityChangeDoc, 'aggregateId'> = {
      _id: `${r._id}:1`,
      reviewId: r._id,
      version: 1,
      published: false,
      event: JSON.stringify({
        id: randomUUID(),
        type: SchedulingEvents.reviewVisibilityChanged.type,
        occurredAt: new Date().toISOString(),
      }),
      actorId: 'admin-0',
      at: new Date(),
    };
    await changes.db.collection<typeof legacy>(changes.collection.name).insertOne(legacy);
    // Republishing sees it unpublished (caught up), so it logs version 2.
    const view = await service.setPublished({ id: r._id, published: true }, admin);
    expect(view.published).toBe(true);
    expect(await reviews.findById(r._id).lean<ReviewDoc>()).toMatchObject({ version: 2, published: true });
    expect((await changes.find({ reviewId: r._id }).sort({ version: 1 }).lean()).map((c) => c.published)).toEqual([
      false,
      true,
    ]);
  });
});
