import { randomUUID } from 'node:crypto';
import mongoose, { type Connection, type Model } from 'mongoose';
import { ErrorCode, Relationship, Role, type CreateDependentRequest } from '@telehealth/contracts';
import type { RequestMeta } from '@telehealth/messaging';
import type { OutboxRelay } from '@telehealth/messaging/eventing';
import { MONGO_URI, TEST_PII_KEY } from '@telehealth/testing';
import type { IdentityConfig } from '../../config/identity.config';
import { PiiCipher } from '../../crypto/pii-cipher';
import { DEPENDENT_PLACE_MODEL, DependentPlaceSchema, type DependentPlaceDoc } from './dependent-place.schema';
import { DependentPlacesRepository } from './dependent-places.repository';
import { DEPENDENT_MODEL, DependentSchema, type DependentDoc } from './dependent.schema';
import { DependentsRepository } from './dependents.repository';
import { DependentsService, MAX_DEPENDENTS } from './dependents.service';

const patient = (userId: string): RequestMeta => ({
  requestId: randomUUID(),
  caller: { userId, roles: [Role.PATIENT], organisationIds: [] },
});
const child = (i: number): CreateDependentRequest => ({
  firstName: `Child${i}`,
  lastName: 'Okeke',
  relationship: Relationship.CHILD,
  dateOfBirth: '2015-06-01',
});

describe('dependents: the per-account limit on the real database', () => {
  let conn: Connection;
  let dependents: Model<DependentDoc>;
  let places: Model<DependentPlaceDoc>;
  let service: DependentsService;

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(MONGO_URI, { dbName: `it_dependents_${randomUUID().slice(0, 8)}` })
      .asPromise();
    dependents = conn.model<DependentDoc>(DEPENDENT_MODEL, DependentSchema);
    places = conn.model<DependentPlaceDoc>(DEPENDENT_PLACE_MODEL, DependentPlaceSchema);
    await Promise.all([dependents.init(), places.init()]);
    const relay = { kick: () => undefined } as unknown as OutboxRelay;
    service = new DependentsService(
      new DependentsRepository(dependents, relay),
      new DependentPlacesRepository(places),
      new PiiCipher({ PII_ENCRYPTION_KEY: TEST_PII_KEY } as IdentityConfig),
    );
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  const settle = (n: number, userId: string, from = 0) =>
    Promise.allSettled(Array.from({ length: n }, (_, i) => service.create(child(from + i), patient(userId))));

  it(`30 racing enrolments two below the limit: exactly 2 land, the rest are TOO_MANY_DEPENDENTS`, async () => {
    const userId = randomUUID();
    for (let i = 0; i < MAX_DEPENDENTS - 2; i++) await service.create(child(i), patient(userId));
    const results = await settle(30, userId, 100);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: ErrorCode.CONFLICT, options: { reason: 'TOO_MANY_DEPENDENTS' } });
    expect(await dependents.countDocuments({ primaryUserId: userId, deletedAt: null })).toBe(MAX_DEPENDENTS);
  });

  it('a removed dependent frees its place, also when the release was lost in a crash', async () => {
    const userId = randomUUID();
    const made = [];
    for (let i = 0; i < MAX_DEPENDENTS; i++) made.push(await service.create(child(i), patient(userId)));
    await expect(service.create(child(99), patient(userId))).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await service.remove(made[0].id, patient(userId));
    await expect(service.create(child(100), patient(userId))).resolves.toMatchObject({ firstName: 'Child100' });
    // A removal whose place release never ran (the process stopped in between).
    await dependents.updateOne({ _id: made[1].id }, { $set: { deletedAt: new Date() } });
    await expect(service.create(child(101), patient(userId))).resolves.toMatchObject({ firstName: 'Child101' });
    expect(await places.countDocuments({ primaryUserId: userId })).toBe(MAX_DEPENDENTS);
  });

  it('dependents enrolled before places existed still count toward the limit', async () => {
    const userId = randomUUID();
    const legacy = Array.from({ length: MAX_DEPENDENTS - 1 }, (_, i) => ({
      _id: randomUUID(),
      primaryUserId: userId,
      firstName: `Old${i}`,
      lastName: 'Okeke',
      relationship: Relationship.CHILD,
      dateOfBirthEnc: null,
      gender: null,
      deletedAt: null,
    }));
    await dependents.insertMany(legacy);
    const results = await settle(10, userId);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
