import { randomUUID } from 'node:crypto';
import { Api, readMailDir, registration, waitForMailIn, waitUntil, type ReceivedMail } from '@telehealth/testing';
import { ONE_SEAT_DOCTOR, SlotDealer, book, freeSlots, pay } from '../scheduling/booking-support';
import { adminSession, login, newPatient, type Session } from '../support/actors';

const mailDir = () => process.env.E2E_MAIL_DIR!;
const mailTo = (email: string, subject: RegExp, what: string): Promise<ReceivedMail> =>
  waitForMailIn(mailDir(), (m) => m.to.includes(email) && subject.test(m.subject), what);

describe('Notifications end to end (gateway, identity, scheduling, notifications, real SMTP)', () => {
  it('Register - POST /v1/auth/register: the verification email arrives with a code that verifies the account', async () => {
    const api = new Api();
    const reg = registration();
    expect((await api.post('/v1/auth/register', reg)).status).toBe(201);

    const mail = await mailTo(reg.email, /^Your verification code: \d{6}$/, 'with the verification code');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code).toBeDefined();
    expect(mail.subject).toBe(`Your verification code: ${code}`);
    expect(mail.text).toContain(`Hello ${reg.firstName},`);
    expect(mail.text).toMatch(/valid for 1 hour|valid for 60 minutes/);

    const verified = await api.post('/v1/auth/verify-email', { email: reg.email, code });
    expect(verified.status).toBe(200);
    expect(verified.body.emailVerified).toBe(true);
    await mailTo(reg.email, /^Welcome to Telehealth/, 'welcome');
  });

  describe('In-app inbox - /v1/notifications', () => {
    let ngozi: Session;
    let other: Session;
    beforeAll(async () => {
      [ngozi, other] = await Promise.all([newPatient(), newPatient()]);
    });

    const inbox = (s: Session, query = '') => s.api.get(`/v1/notifications${query}`, { token: s.token });

    it('GET lists the welcome message, paged, newest first; unread-count counts it', async () => {
      await waitUntil(async () => (await inbox(ngozi)).body.total >= 1, 'the welcome notification');
      const page = await inbox(ngozi, '?page=1&limit=10');
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, limit: 10, hasMore: false });
      expect(page.body.items[0]).toMatchObject({ kind: 'WELCOME', category: 'ACCOUNT', readAt: null });
      expect(page.body.items[0].title).toBe('Welcome, Ngozi');
      const count = await ngozi.api.get('/v1/notifications/unread-count', { token: ngozi.token });
      expect(count).toMatchObject({ status: 200, body: { unread: page.body.total } });
    });

    it("POST {id}/read marks it read (idempotently); another user's notification is 404", async () => {
      const [item] = (await inbox(ngozi)).body.items;
      const foreign = await other.api.post(`/v1/notifications/${item.id}/read`, {}, { token: other.token });
      expect(foreign.status).toBe(404);

      const read = await ngozi.api.post(`/v1/notifications/${item.id}/read`, {}, { token: ngozi.token });
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const again = await ngozi.api.post(`/v1/notifications/${item.id}/read`, {}, { token: ngozi.token });
      expect(again.body.readAt).toBe(read.body.readAt);
      expect((await inbox(ngozi, '?unreadOnly=true')).body.items.map((n: { id: string }) => n.id)).not.toContain(
        item.id,
      );
    });

    it('POST read-all leaves nothing unread, for the caller only', async () => {
      await waitUntil(async () => (await inbox(other)).body.total >= 1, "the other user's welcome");
      const res = await ngozi.api.post('/v1/notifications/read-all', {}, { token: ngozi.token });
      expect(res.status).toBe(200);
      expect((await ngozi.api.get('/v1/notifications/unread-count', { token: ngozi.token })).body.unread).toBe(0);
      expect(
        (await other.api.get('/v1/notifications/unread-count', { token: other.token })).body.unread,
      ).toBeGreaterThan(0);
    });

    it('bad input is 400 naming the field; no token is 401', async () => {
      const bad = await ngozi.api.post('/v1/notifications/not-a-uuid/read', {}, { token: ngozi.token });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('id');
      const limit = await inbox(ngozi, '?limit=1000');
      expect(limit.status).toBe(400);
      expect(limit.body.details[0].field).toBe('limit');
      expect((await new Api().get('/v1/notifications')).status).toBe(401);
    });
  });

  describe('Preferences - /v1/notifications/preferences', () => {
    let s: Session;
    beforeAll(async () => {
      s = await newPatient();
    });

    it('PUT with no body is 400 naming the body (the document requires one; {} changes nothing)', async () => {
      const none = await s.api.request('PUT', '/v1/notifications/preferences', undefined, { token: s.token });
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ reason: 'VALIDATION_FAILED', details: [{ field: 'body' }] });
      expect((await s.api.put('/v1/notifications/preferences', {}, { token: s.token })).status).toBe(200);
    });

    it('GET answers the defaults: everything on, security and payments transactional', async () => {
      const res = await s.api.get('/v1/notifications/preferences', { token: s.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        userId: s.userId,
        channels: { email: true, sms: true, push: true, inApp: true },
        quietHours: null,
        transactionalCategories: ['security', 'payments'],
      });
      expect(res.body.categories.reminders).toEqual({ email: true, sms: true, push: true, inApp: true });
    });

    it('PUT changes only what is sent', async () => {
      const res = await s.api.put(
        '/v1/notifications/preferences',
        {
          channels: { sms: false },
          categories: { reminders: { push: false } },
          quietHours: { start: '22:00', end: '07:00' },
        },
        { token: s.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.channels).toEqual({ email: true, sms: false, push: true, inApp: true });
      expect(res.body.categories.reminders).toEqual({ email: true, sms: true, push: false, inApp: true });
      expect(res.body.quietHours).toEqual({ start: '22:00', end: '07:00' });
      const cleared = await s.api.put('/v1/notifications/preferences', { quietHours: null }, { token: s.token });
      expect(cleared.body.quietHours).toBeNull();
      expect(cleared.body.channels.sms).toBe(false);
    });

    it.each([
      [{ categories: { security: { email: false } } }, 'categories.security.email'],
      [{ categories: { payments: { inApp: false } } }, 'categories.payments.inApp'],
      [{ channels: { sms: 'no' } }, 'channels.sms'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '07:00', end: '07:00' } }, 'quietHours.end'],
      [{ categories: { marketing: { email: false } } }, 'categories.marketing'],
    ])('PUT %j is 400 naming %s', async (body, field) => {
      const res = await s.api.put('/v1/notifications/preferences', body, { token: s.token });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  it('Booking with email switched off: no appointment email, but the payment receipt (transactional) is emailed; the admin log says why', async () => {
    const patient = await newPatient();
    await mailTo(patient.email, /^Welcome/, 'welcome'); // its account messages are done
    const off = await patient.api.put(
      '/v1/notifications/preferences',
      { channels: { email: false } },
      { token: patient.token },
    );
    expect(off.status).toBe(200);
    const slot = new SlotDealer(await freeSlots(ONE_SEAT_DOCTOR)).take();
    const booked = await book(patient, slot);
    expect(booked.status).toBe(201);
    await pay(patient, booked.body.id); // by card: the sandbox checkout, its webhook, the fee held

    const receipt = await mailTo(patient.email, /^Payment receipt/, 'the receipt');
    expect(receipt.text).toContain(`HOLD_${booked.body.id}`);
    const inbox = async () => (await patient.api.get('/v1/notifications', { token: patient.token })).body.items;
    await waitUntil(
      async () => (await inbox()).some((n: { kind: string }) => n.kind === 'APPOINTMENT_CONFIRMED'),
      'the in-app confirmation',
    );
    const confirmation = (await inbox()).find((n: { kind: string }) => n.kind === 'APPOINTMENT_CONFIRMED');
    expect(confirmation.data).toEqual({ appointmentId: booked.body.id });
    expect(confirmation.body).toContain('Dr Tunde Adeyemi');

    const admin = await adminSession();
    const log = await admin.api.get(
      `/v1/admin/notifications/deliveries?userId=${patient.userId}&kind=APPOINTMENT_CONFIRMED`,
      {
        token: admin.token,
      },
    );
    expect(log.status).toBe(200);
    const byChannel = Object.fromEntries(log.body.items.map((d: { channel: string }) => [d.channel, d]));
    expect(byChannel.EMAIL).toMatchObject({ status: 'SKIPPED', reason: 'CHANNEL_OFF' });
    expect(byChannel.IN_APP).toMatchObject({ status: 'SENT' });
    const one = await admin.api.get(`/v1/admin/notifications/deliveries/${byChannel.EMAIL.id}`, { token: admin.token });
    expect(one.body.history[0]).toMatchObject({ status: 'SKIPPED', reason: 'CHANNEL_OFF' });
    const mails = readMailDir(mailDir()).filter((m) => m.to.includes(patient.email));
    expect(mails.map((m) => m.subject).filter((s) => s.startsWith('Appointment confirmed'))).toEqual([]);
  });

  describe('Operators - /v1/admin/notifications', () => {
    it('delivery log, dead letters and queue counts are for admins only; bad filters are 400', async () => {
      const admin = await adminSession();
      const patient = await newPatient();
      for (const path of ['deliveries', 'dead-letters', 'queues']) {
        expect((await patient.api.get(`/v1/admin/notifications/${path}`, { token: patient.token })).status).toBe(403);
        expect((await admin.api.get(`/v1/admin/notifications/${path}`, { token: admin.token })).status).toBe(200);
      }
      const queues = await admin.api.get('/v1/admin/notifications/queues', { token: admin.token });
      expect(queues.body.map((q: { queue: string }) => q.queue)).toEqual([
        'notifications-email',
        'notifications-sms',
        'notifications-push',
        'notifications-dead-letter',
      ]);
      const bad = await admin.api.get('/v1/admin/notifications/deliveries?channel=FAX', { token: admin.token });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('channel');
      const missing = await admin.api.post(
        '/v1/admin/notifications/dead-letters/3f1c2a9e-7a51-4c55-9a0e-8d1b6c1f4a20/replay',
        {},
        { token: admin.token },
      );
      expect(missing.status).toBe(404);
    });

    it('organisation settings: seed 002 defaults, changed by an admin, hidden from outsiders', async () => {
      const admin = await adminSession();
      const orgs = await admin.api.get('/v1/organisations', { token: admin.token });
      const orgId = orgs.body.items[0].id;
      const get = await admin.api.get(`/v1/organisations/${orgId}/notification-preferences`, { token: admin.token });
      expect(get.status).toBe(200);
      expect(get.body).toMatchObject({ organisationId: orgId, quote: true, schedule: true, treatmentStart: true });
      const put = await admin.api.put(
        `/v1/organisations/${orgId}/notification-preferences`,
        { review: true },
        { token: admin.token },
      );
      expect(put.body).toMatchObject({ review: true, schedule: true });
      const staff = await login(new Api(), 'staff@demo.health', 'DemoPass2026');
      const other = '3f1c2a9e-7a51-4c55-9a0e-8d1b6c1f4a20';
      expect(
        (await staff.api.get(`/v1/organisations/${other}/notification-preferences`, { token: staff.token })).status,
      ).toBe(404);
      const patient = await newPatient();
      expect(
        (await patient.api.get(`/v1/organisations/${orgId}/notification-preferences`, { token: patient.token })).status,
      ).toBe(403);
      const bad = await admin.api.put(
        `/v1/organisations/${orgId}/notification-preferences`,
        { review: 'sure' },
        { token: admin.token },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('review');
    });

    it('organisation settings of an organisation that does not exist: 404 to an admin, for GET and PUT', async () => {
      const admin = await adminSession();
      const unknown = `/v1/organisations/${randomUUID()}/notification-preferences`;
      const get = await admin.api.get(unknown, { token: admin.token });
      expect({ status: get.status, reason: get.body.reason }).toEqual({ status: 404, reason: 'NOT_FOUND' });
      const put = await admin.api.put(unknown, { review: true }, { token: admin.token });
      expect(put.status).toBe(404);
    });
  });
});
