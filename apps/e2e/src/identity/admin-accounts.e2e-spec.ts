import { IdentityEvents, type StaffAddedV1, type UserDeletedV1, type UserRolesChangedV1 } from '@telehealth/contracts';
import { Api, EventTap, uniqueEmail } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';

describe('Admin accounts - /v1/admin/users, /v1/organisations', () => {
  let admin: Session;
  let rolesChanged: EventTap<UserRolesChangedV1>;
  let deleted: EventTap<UserDeletedV1>;
  let staffAdded: EventTap<StaffAddedV1>;

  beforeAll(async () => {
    admin = await adminSession();
    rolesChanged = await EventTap.open(IdentityEvents.rolesChanged);
    deleted = await EventTap.open(IdentityEvents.userDeleted);
    staffAdded = await EventTap.open(IdentityEvents.staffAdded);
  });
  afterAll(async () => {
    await rolesChanged.close();
    await deleted.close();
    await staffAdded.close();
  });

  it('POST /v1/admin/users - creates a doctor whose token carries the doctor profile id', async () => {
    const email = uniqueEmail('dr');
    const res = await admin.api.post(
      '/v1/admin/users',
      { email, password: 'doctor-pass-11', firstName: 'Ifeoma', lastName: 'Obi', roles: ['DOCTOR'] },
      { token: admin.token },
    );
    expect(res.status).toBe(201);
    expect(res.body.doctorProfileId).toEqual(expect.any(String));
    const doctor = await login(new Api(), email, 'doctor-pass-11');
    const claims = JSON.parse(Buffer.from(doctor.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: res.body.id, roles: ['DOCTOR'], dpid: res.body.doctorProfileId });
  });

  it('POST /v1/organisations + /:id/staff - staff see their organisation, not others', async () => {
    const org = await admin.api.post(
      '/v1/organisations',
      { name: 'Abuja Hair Clinic', email: 'hi@abuja.test', city: 'Abuja', country: 'NG', timeZone: 'Africa/Lagos' },
      { token: admin.token },
    );
    expect(org.status).toBe(201);
    const other = await admin.api.post(
      '/v1/organisations',
      { name: 'Other Clinic', email: 'o@o.test', city: 'Kano', country: 'NG', timeZone: 'Africa/Lagos' },
      { token: admin.token },
    );
    const email = uniqueEmail('staff');
    const staff = await admin.api.post(
      `/v1/organisations/${org.body.id}/staff`,
      {
        email,
        password: 'staff-pass-11',
        firstName: 'Sade',
        lastName: 'Bello',
        roles: ['PROVIDER_STAFF'],
        title: 'Coordinator',
      },
      { token: admin.token },
    );
    expect(staff.status).toBe(201);
    expect(staff.body).toMatchObject({ organisationId: org.body.id, title: 'Coordinator', roles: ['PROVIDER_STAFF'] });
    const announced = await staffAdded.waitFor((e) => e.payload.userId === staff.body.userId);
    expect(announced).toMatchObject({
      aggregateId: org.body.id,
      payload: { organisationId: org.body.id, roles: ['PROVIDER_STAFF'], title: 'Coordinator' },
    });

    const s = await login(new Api(), email, 'staff-pass-11');
    const mine = await s.api.get('/v1/organisations', { token: s.token });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([org.body.id]);
    expect((await s.api.get(`/v1/organisations/${other.body.id}`, { token: s.token })).status).toBe(404);
    expect((await s.api.get(`/v1/organisations/${org.body.id}/staff`, { token: s.token })).body.items).toHaveLength(1);
    expect(
      (
        await s.api.post(
          '/v1/organisations',
          { name: 'x', email: 'x@x.test', city: 'x', country: 'NG', timeZone: 'Africa/Lagos' },
          { token: s.token },
        )
      ).status,
    ).toBe(403);
  });

  it('GET /v1/admin/users - filters and paginates; page size is capped', async () => {
    const tag = `find${Date.now()}`;
    for (let i = 0; i < 3; i++) await newPatient({ email: `${tag}.${i}@example.test` });
    const page1 = await admin.api.get(`/v1/admin/users?q=${tag}&role=PATIENT&limit=2`, { token: admin.token });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2, total: 3, hasMore: true });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await admin.api.get(`/v1/admin/users?q=${tag}&role=PATIENT&limit=2&page=2`, { token: admin.token });
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.hasMore).toBe(false);
    const ids = [...page1.body.items, ...page2.body.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(3);
    const tooBig = await admin.api.get('/v1/admin/users?limit=1000', { token: admin.token });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details[0].field).toBe('limit');
  });

  it('PUT /v1/admin/users/:id/roles - changes roles, publishes the event, audits it', async () => {
    const p = await newPatient();
    const res = await admin.api.put(
      `/v1/admin/users/${p.userId}/roles`,
      { roles: ['PATIENT', 'PROVIDER_STAFF'] },
      { token: admin.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['PATIENT', 'PROVIDER_STAFF']);
    const event = await rolesChanged.waitFor((e) => e.payload.userId === p.userId);
    expect(event.payload).toMatchObject({
      roles: ['PATIENT', 'PROVIDER_STAFF'],
      previousRoles: ['PATIENT'],
      changedBy: admin.userId,
    });
    const audit = await admin.api.get(`/v1/admin/audit-events?userId=${p.userId}&type=ROLE_CHANGED`, {
      token: admin.token,
    });
    expect(audit.body.items).toHaveLength(1);
    const self = await admin.api.put(
      `/v1/admin/users/${admin.userId}/roles`,
      { roles: ['PATIENT'] },
      { token: admin.token },
    );
    expect(self.status).toBe(409);
  });

  it('DELETE /v1/admin/users/:id - soft delete anonymises PII, ends sessions, publishes the event', async () => {
    const p = await newPatient();
    const res = await admin.api.delete(`/v1/admin/users/${p.userId}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect((await p.api.post('/v1/auth/refresh', { refreshToken: p.refreshToken })).status).toBe(401);
    expect((await p.api.post('/v1/auth/login', { email: p.email, password: p.password })).status).toBe(401);
    const kept = await admin.api.get(`/v1/admin/users/${p.userId}`, { token: admin.token });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ status: 'DELETED', firstName: 'Deleted', phone: null, dateOfBirth: null });
    expect(kept.body.email).not.toBe(p.email);
    await deleted.waitFor((e) => e.payload.userId === p.userId);
    // The email is free again.
    expect(
      (
        await new Api().post('/v1/auth/register', {
          email: p.email,
          password: 'fresh-pass-123',
          firstName: 'New',
          lastName: 'Owner',
          phone: '+2348000000099',
          dateOfBirth: '1990-01-01',
          gender: 'MALE',
        })
      ).status,
    ).toBe(201);
  });
});
