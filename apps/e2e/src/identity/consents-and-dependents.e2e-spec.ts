import { IdentityEvents } from '@telehealth/contracts';
import { EventTap } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';

describe('Consents and dependents - owned by their patient', () => {
  let a: Session;
  let b: Session;
  let consentRecorded: EventTap<{ consentId: string; userId: string; type: string; granted: boolean }>;

  beforeAll(async () => {
    consentRecorded = await EventTap.open(IdentityEvents.consentRecorded);
    [a, b] = await Promise.all([newPatient(), newPatient()]);
  });
  afterAll(() => consentRecorded.close());

  it("POST/GET /v1/me/consents - a patient's own history, newest first, each announced by its event", async () => {
    const terms = await a.api.post(
      '/v1/me/consents',
      { type: 'TERMS_OF_SERVICE', documentVersion: '2026-01', granted: true },
      { token: a.token },
    );
    expect(terms.status).toBe(201);
    expect(terms.body).toMatchObject({ type: 'TERMS_OF_SERVICE', documentVersion: '2026-01', granted: true });
    const withdrawn = await a.api.post(
      '/v1/me/consents',
      { type: 'MARKETING', documentVersion: '1', granted: false },
      { token: a.token },
    );
    expect(withdrawn.status).toBe(201);

    const mine = await a.api.get('/v1/me/consents', { token: a.token });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(2);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([withdrawn.body.id, terms.body.id]);
    const theirs = await b.api.get('/v1/me/consents', { token: b.token });
    expect(theirs.body).toMatchObject({ items: [], total: 0 });

    const event = await consentRecorded.waitFor((e) => e.payload.consentId === withdrawn.body.id);
    expect(event.payload).toMatchObject({ userId: a.userId, type: 'MARKETING', granted: false });
  });

  it("GET /v1/me/dependents/:id - an admin reads any patient's dependent; once removed, nobody does", async () => {
    const dep = await b.api.post(
      '/v1/me/dependents',
      { firstName: 'Ada', lastName: 'B', relationship: 'CHILD', dateOfBirth: '2016-06-06' },
      { token: b.token },
    );
    expect(dep.status).toBe(201);
    const admin = await adminSession();
    const seen = await admin.api.get(`/v1/me/dependents/${dep.body.id}`, { token: admin.token });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: dep.body.id, primaryUserId: b.userId, dateOfBirth: '2016-06-06' });

    expect((await b.api.delete(`/v1/me/dependents/${dep.body.id}`, { token: b.token })).status).toBe(200);
    expect((await b.api.get(`/v1/me/dependents/${dep.body.id}`, { token: b.token })).status).toBe(404);
    expect((await admin.api.get(`/v1/me/dependents/${dep.body.id}`, { token: admin.token })).status).toBe(404);
    expect((await b.api.delete(`/v1/me/dependents/${dep.body.id}`, { token: b.token })).status).toBe(404);
  });
});
