import { IdentityEvents, type UserRegisteredV1 } from '@telehealth/contracts';
import { Api, EventTap, dbNameOf, rawDb, registration, sleep, waitUntil } from '@telehealth/testing';
import { serviceReady } from '../support/services';

const identityReady = (): Promise<boolean> => serviceReady('identity');

describe('Crash between write and publish - the outbox', () => {
  let tap: EventTap<UserRegisteredV1>;
  beforeAll(async () => {
    tap = await EventTap.open(IdentityEvents.userRegistered);
  });
  afterAll(() => tap.close());

  it('identity is SIGKILLed after writing a registration; after restart the event reaches a durable consumer exactly once', async () => {
    const api = new Api();
    const reg = registration();
    const res = await api.post('/v1/auth/register', reg, { headers: { 'x-fault-inject': 'crash-after-write' } });
    // The service died mid-request: the caller is told to retry, not that it failed.
    expect(res.status).toBe(503);
    expect(res.body.reason).toBe('UPSTREAM_TIMEOUT');

    // The write is durable even though nothing was published before the crash.
    const { db, close } = await rawDb(dbNameOf('identity'));
    const stored = await db.collection('users').findOne({ emailLower: reg.email.toLowerCase() });
    await close();
    expect(stored?.outbox).toHaveLength(2);

    // The platform runner restarts the service (as Kubernetes would); its relay publishes.
    await waitUntil(identityReady, 'identity to be restarted', 30_000);
    const event = await tap.waitFor((e) => e.payload.email === reg.email, 30_000);
    expect(event.payload).toMatchObject({ userId: stored?._id, roles: ['PATIENT'], source: 'SELF' });
    expect(event).toMatchObject({
      type: 'identity.user.registered.v1',
      producer: 'identity',
      aggregateId: stored?._id,
    });

    // Give any duplicate time to arrive, then count.
    await sleep(2_000);
    expect(tap.matching((e) => e.payload.email === reg.email)).toHaveLength(1);
    // The account is usable: the state change survived with its event.
    expect((await api.post('/v1/auth/login', { email: reg.email, password: reg.password })).status).toBe(200);
  });
});
