import { Api, waitUntil } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';
import { SlotDealer, THREE_SEAT_DOCTOR, book, freeSlots } from '../scheduling/booking-support';
import { SseClient } from '../stream/sse-client';
import { fund } from '../wallet/wallet-support';

/** Secure messaging (issue 11 §5) through the gateway: patient and doctor, strangers, admins, the stream, notifications. */
describe('Threads - /v1/threads', () => {
  let doctor: Session;
  let slots: SlotDealer;
  const open: SseClient[] = [];

  beforeAll(async () => {
    slots = new SlotDealer((await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.capacity === 3));
    doctor = await login(new Api(), 'dr.nwosu@demo.health', 'DemoPass2026');
  }, 60_000);
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
  });

  const get = (s: Session, path: string, headers?: Record<string, string>) =>
    s.api.get(path, { token: s.token, headers });
  const post = (s: Session, path: string, body: unknown = {}) => s.api.post(path, body, { token: s.token });

  /** A new patient with a confirmed appointment with the demo doctor (paid from the wallet). */
  async function patientOfDoctor(): Promise<Session> {
    const p = await newPatient();
    const slot = slots.take();
    await fund(p, slot.fee.amountMinor);
    const booked = await book(p, slot, { paymentMethod: 'WALLET' });
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    const status = async () => (await get(p, `/v1/appointments/${id}`)).body.status as string;
    await waitUntil(async () => (await status()) !== 'PENDING_PAYMENT', 'the payment', 30_000);
    if ((await status()) === 'PENDING_CONFIRMATION')
      expect((await post(doctor, `/v1/appointments/${id}/confirm`)).status).toBe(200);
    return p;
  }

  it('patient and doctor exchange messages: one thread, exact unread counts, read state, the stream, a notification', async () => {
    const p = await patientOfDoctor();
    // Teleconsultation learns of the appointment from scheduling's events.
    let opened = await post(p, '/v1/threads', { doctorId: THREE_SEAT_DOCTOR });
    await waitUntil(
      async () => (opened = await post(p, '/v1/threads', { doctorId: THREE_SEAT_DOCTOR })).status === 200,
      'the care relationship',
    );
    const threadId = opened.body.id as string;
    expect(opened.body).toMatchObject({ patientId: p.userId, doctorId: THREE_SEAT_DOCTOR, side: 'PATIENT', unread: 0 });
    const byDoctor = await post(doctor, '/v1/threads', { patientId: p.userId });
    expect(byDoctor.status).toBe(200);
    expect(byDoctor.body).toMatchObject({ id: threadId, side: 'CARE' });

    const doctorStream = await SseClient.open(doctor);
    open.push(doctorStream);
    await doctorStream.waitFor((m) => m.event === 'ready', 'the doctor stream');

    // 20 messages at once: numbered 1..20, and exactly 20 unread for the doctor.
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(p, `/v1/threads/${threadId}/messages`, { text: `Question ${i}` })),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(sent.map((r) => r.body.seq as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await get(doctor, `/v1/threads/${threadId}`)).body).toMatchObject({ messageCount: 20, unread: 20 });
    expect((await get(p, `/v1/threads/${threadId}`)).body).toMatchObject({ unread: 0 });
    const doctorThreads = await get(doctor, '/v1/threads?limit=100');
    expect(doctorThreads.body.items.find((t: { id: string }) => t.id === threadId)).toMatchObject({ unread: 20 });
    expect(doctorThreads.body.unreadTotal).toBeGreaterThanOrEqual(20);

    // The doctor sees them arrive live: ids only.
    const live = await doctorStream.waitFor(
      (m) => m.data?.type === 'teleconsultation.thread-message.posted.v1' && m.data.threadId === threadId,
      'a new message on the stream',
    );
    expect(Object.keys(live.data).sort()).toEqual(['aggregateId', 'id', 'messageId', 'occurredAt', 'threadId', 'type']);

    // Newest first.
    const page = await get(doctor, `/v1/threads/${threadId}/messages?limit=5`);
    expect(page.body).toMatchObject({ total: 20, hasMore: true });
    expect(page.body.items.map((m: { seq: number }) => m.seq)).toEqual([20, 19, 18, 17, 16]);
    expect(page.body.items[0]).toMatchObject({ senderId: p.userId, senderRole: 'PATIENT', text: expect.any(String) });

    // Read: forward only.
    expect((await post(doctor, `/v1/threads/${threadId}/read`, { upToSeq: 15 })).body).toMatchObject({ unread: 5 });
    expect((await post(doctor, `/v1/threads/${threadId}/read`, { upToSeq: 3 })).body).toMatchObject({ unread: 5 });
    expect((await post(doctor, `/v1/threads/${threadId}/read`)).body).toMatchObject({ unread: 0 });

    // The doctor answers: the patient has one unread, and is notified (never the text).
    const reply = await post(doctor, `/v1/threads/${threadId}/messages`, { text: 'Take the tablets after meals' });
    expect(reply.body).toMatchObject({ seq: 21, senderRole: 'DOCTOR' });
    expect((await get(p, '/v1/threads')).body).toMatchObject({ unreadTotal: 1, items: [{ id: threadId, unread: 1 }] });
    let notice: { body: string; data: Record<string, string> } | undefined;
    await waitUntil(async () => {
      const inbox = await get(p, '/v1/notifications?limit=50');
      notice = inbox.body.items.find((n: { kind: string }) => n.kind === 'THREAD_MESSAGE');
      return !!notice;
    }, 'the new-message notification');
    expect(notice?.data).toMatchObject({ threadId });
    expect(notice?.body).not.toContain('tablets');
    expect((await post(p, `/v1/threads/${threadId}/read`)).body).toMatchObject({ unread: 0 });
  }, 120_000);

  it('a stranger gets 404; nobody opens a thread without a care relationship; an admin reads only with a reason, audited', async () => {
    const p = await patientOfDoctor();
    await waitUntil(
      async () => (await post(p, '/v1/threads', { doctorId: THREE_SEAT_DOCTOR })).status === 200,
      'the care relationship',
    );
    const threadId = (await post(p, '/v1/threads', { doctorId: THREE_SEAT_DOCTOR })).body.id as string;
    expect((await post(p, `/v1/threads/${threadId}/messages`, { text: 'private' })).status).toBe(201);

    const stranger = await newPatient();
    expect((await get(stranger, `/v1/threads/${threadId}`)).status).toBe(404);
    expect((await get(stranger, `/v1/threads/${threadId}/messages`)).status).toBe(404);
    expect((await post(stranger, `/v1/threads/${threadId}/messages`, { text: 'hi' })).status).toBe(404);
    expect((await post(stranger, `/v1/threads/${threadId}/read`)).status).toBe(404);
    expect((await get(stranger, '/v1/threads')).body).toMatchObject({ total: 0, unreadTotal: 0 });
    expect((await post(stranger, '/v1/threads', { doctorId: THREE_SEAT_DOCTOR })).status).toBe(403);
    expect((await post(doctor, '/v1/threads', { patientId: stranger.userId })).status).toBe(404);
    expect((await post(p, `/v1/threads/${threadId}/messages`, {})).status).toBe(400);

    const admin = await adminSession();
    const refused = await get(admin, `/v1/threads/${threadId}/messages`);
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('REASON_REQUIRED');
    const reason = 'Patient complaint 7731: reviewing the conversation';
    const read = await get(admin, `/v1/threads/${threadId}/messages`, { 'x-access-reason': reason });
    expect(read.status).toBe(200);
    expect(read.body.items).toMatchObject([{ text: 'private' }]);
    expect((await post(admin, `/v1/threads/${threadId}/messages`, { text: 'x' })).status).toBe(404);
    const log = await get(p, '/v1/me/access-log');
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'THREAD',
        resourceId: threadId,
        readerId: admin.userId,
        reason,
        breakGlass: true,
      }),
    );
  }, 120_000);
});
