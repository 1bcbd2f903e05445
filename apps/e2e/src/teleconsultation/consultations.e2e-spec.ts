import { TokenVerifier } from 'livekit-server-sdk';
import { VideoProviderName } from '@telehealth/contracts';
import { Api, TEST_VIDEO, signedWebhook, waitUntil, type WebhookFixture } from '@telehealth/testing';
import { login, newPatient, type Session } from '../support/actors';
import { promoteJob } from '../support/queues';
import { SlotDealer, THREE_SEAT_DOCTOR, freeSlots, type Slot } from '../scheduling/booking-support';
import { fund, wallet } from '../wallet/wallet-support';

/** The platform runs with JOIN_OPENS_MINUTES_BEFORE = 6 days (global-setup): nearer slots can be joined now. */
const JOINABLE_MS = 6 * 86_400_000;
const verifier = new TokenVerifier(TEST_VIDEO.LIVEKIT_API_KEY, TEST_VIDEO.LIVEKIT_API_SECRET);

const postWebhook = async (event: WebhookFixture, tamper = false) => {
  const { rawBody, headers } = await signedWebhook(VideoProviderName.LIVEKIT, TEST_VIDEO, event);
  const raw = tamper ? rawBody.replace('participant_', 'participant__') : rawBody;
  return new Api().post('/v1/webhooks/video/livekit', undefined, { raw, headers });
};

describe('Teleconsultation (flow 3): online appointment -> session -> join -> call -> completed', () => {
  let doctor: Session;
  let near: SlotDealer;
  let far: SlotDealer;

  beforeAll(async () => {
    const online = (await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.mode !== 'IN_CLINIC');
    const soon = (s: Slot) => Date.parse(s.start) - Date.now() < JOINABLE_MS - 3_600_000;
    near = new SlotDealer(online.filter(soon));
    far = new SlotDealer(online.filter((s) => Date.parse(s.start) - Date.now() > JOINABLE_MS + 3_600_000));
    doctor = await login(new Api(), 'dr.nwosu@demo.health', 'DemoPass2026');
  }, 60_000);

  const appointment = async (s: Session, id: string) =>
    (await s.api.get(`/v1/appointments/${id}`, { token: s.token })).body;

  /** A paid, confirmed online appointment of a new patient, and its consultation session. */
  async function confirmedOnline(slot: Slot, extra: Record<string, unknown> = {}) {
    const p = await newPatient();
    await fund(p, slot.fee.amountMinor);
    const body = {
      slotId: slot.id,
      mode: 'ONLINE',
      contactNumber: '+2348011112222',
      callPreference: 'VIDEO',
      paymentMethod: 'WALLET',
      ...extra,
    };
    const booked = await p.api.post('/v1/appointments', body, { token: p.token });
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    await waitUntil(async () => (await appointment(p, id)).status !== 'PENDING_PAYMENT', 'the payment', 30_000);
    if ((await appointment(p, id)).status === 'PENDING_CONFIRMATION')
      expect((await doctor.api.post(`/v1/appointments/${id}/confirm`, {}, { token: doctor.token })).status).toBe(200);
    let session: Record<string, any> | undefined;
    await waitUntil(async () => {
      const res = await p.api.get(`/v1/consultations?appointmentId=${id}`, { token: p.token });
      session = res.body.items?.[0];
      return !!session;
    }, 'the consultation session');
    return { p, appointmentId: id, session: session!, fee: slot.fee.amountMinor };
  }

  const get = async (s: Session, id: string) => (await s.api.get(`/v1/consultations/${id}`, { token: s.token })).body;
  const join = (s: Session, id: string) => s.api.post(`/v1/consultations/${id}/join`, {}, { token: s.token });

  it('book -> pay -> join tokens for both -> the room -> end -> call log, appointment COMPLETED', async () => {
    const { p, appointmentId, session } = await confirmedOnline(near.take(true));
    expect(session).toMatchObject({ status: 'SCHEDULED', roomId: `room-${appointmentId}`, callType: 'VIDEO' });
    const id = session.id as string;

    // A stranger sees nothing; a patient's token lets them wait in the lobby only.
    const stranger = await newPatient();
    expect((await join(stranger, id)).status).toBe(404);
    expect((await stranger.api.get(`/v1/consultations/${id}`, { token: stranger.token })).status).toBe(404);
    const waiting = await join(p, id);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({
      provider: 'livekit',
      role: 'PARTICIPANT',
      lobby: true,
      room: `room-${appointmentId}`,
    });
    const lobbyGrant = await verifier.verify(waiting.body.token);
    expect(lobbyGrant.sub).toBe(`patient:${p.userId}`);
    expect(lobbyGrant.video).toMatchObject({ room: `room-${appointmentId}`, roomJoin: true, canPublish: false });
    expect(lobbyGrant.video?.roomAdmin).not.toBe(true);
    expect(Date.parse(waiting.body.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);

    const host = await join(doctor, id);
    expect(host.body).toMatchObject({ role: 'HOST', lobby: false });
    const hostGrant = await verifier.verify(host.body.token);
    expect(hostGrant.video).toMatchObject({ room: `room-${appointmentId}`, roomAdmin: true });
    expect(hostGrant.sub).toMatch(/^doctor:/);

    // Only the doctor admits; then the patient's token can publish.
    expect((await p.api.post(`/v1/consultations/${id}/admit`, {}, { token: p.token })).status).toBe(403);
    expect(
      (await doctor.api.post(`/v1/consultations/${id}/admit`, {}, { token: doctor.token })).body.lobby,
    ).toMatchObject({
      patientWaiting: false,
      admittedAt: expect.any(String),
    });
    const admitted = await verifier.verify((await join(p, id)).body.token);
    expect(admitted.video).toMatchObject({ canPublish: true });

    // The room reports both sides; a tampered webhook is refused and changes nothing; a replay applies once.
    const room = `room-${appointmentId}`;
    const before = (await get(p, id)).version;
    const tampered = await postWebhook({ kind: 'PARTICIPANT_JOINED', room, identity: `patient:${p.userId}` }, true);
    expect(tampered.status).toBe(400);
    expect((await get(p, id)).version).toBe(before);
    const patientJoined = {
      kind: 'PARTICIPANT_JOINED',
      room,
      identity: `patient:${p.userId}`,
      id: `EV_${id}_p`,
    } as const;
    expect((await postWebhook(patientJoined)).body).toEqual({ received: true, applied: true });
    expect((await postWebhook(patientJoined)).body).toEqual({ received: true, applied: false });
    expect((await get(p, id)).status).toBe('WAITING');
    const doctorJoined = await postWebhook({ kind: 'PARTICIPANT_JOINED', room, identity: hostGrant.sub! });
    expect(doctorJoined.body.applied).toBe(true);
    expect(await get(p, id)).toMatchObject({ status: 'IN_PROGRESS', actualStart: expect.any(String) });
    await waitUntil(
      async () => (await appointment(p, appointmentId)).status === 'IN_PROGRESS',
      'the appointment to start',
    );

    // The patient cannot end it; the doctor does: call log, appointment COMPLETED.
    expect((await p.api.post(`/v1/consultations/${id}/end`, {}, { token: p.token })).status).toBe(403);
    const ended = await doctor.api.post(`/v1/consultations/${id}/end`, {}, { token: doctor.token });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      status: 'COMPLETED',
      endedBy: 'DOCTOR',
      callLog: { status: 'COMPLETED', durationSeconds: expect.any(Number), start: expect.any(String) },
    });
    await waitUntil(
      async () => (await appointment(p, appointmentId)).status === 'COMPLETED',
      'the appointment to complete',
    );
    expect((await join(p, id)).body).toMatchObject({ reason: 'SESSION_ENDED' });
    // The patient is told (in-app, among the channels), with the session's id.
    await waitUntil(async () => {
      const inbox = (await p.api.get('/v1/notifications', { token: p.token })).body.items ?? [];
      return inbox.some(
        (n: { kind: string; data: Record<string, string> }) =>
          n.kind === 'CONSULTATION_ENDED' && n.data?.consultationId === id,
      );
    }, 'the consultation-ended notification');

    // Feedback once per side.
    const rate = (s: Session) =>
      s.api.post(`/v1/consultations/${id}/feedback`, { rating: 5, comment: 'Thank you' }, { token: s.token });
    expect((await rate(p)).status).toBe(200);
    expect((await rate(p)).body).toMatchObject({ reason: 'ALREADY_RATED' });
    expect(
      (await p.api.post(`/v1/consultations/${id}/feedback`, { rating: 9 }, { token: p.token })).body,
    ).toMatchObject({
      details: [expect.objectContaining({ field: 'rating' })],
    });
  });

  it('too early: a consultation days ahead cannot be joined yet (422 TOO_EARLY)', async () => {
    const { p, session } = await confirmedOnline(far.take(true));
    const res = await join(p, session.id);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'TOO_EARLY' });
  });

  it('nobody joins: NO_SHOW, the appointment NO_SHOW; the doctor alone absent: cancelled on their side, refunded in full; a cancelled appointment cancels its session, never a no-show', async () => {
    const missed = await confirmedOnline(near.take(true));
    // The no-show timer fires (its delayed job is run now, as if the wait had passed).
    expect(
      await promoteJob(
        'teleconsultation-timers',
        `no-show-${missed.session.id}-${Date.parse(missed.session.scheduledStart)}`,
      ),
    ).toBe(true);
    await waitUntil(async () => (await get(missed.p, missed.session.id)).status === 'NO_SHOW', 'the no-show');
    expect(await get(missed.p, missed.session.id)).toMatchObject({ absent: 'BOTH', callLog: { status: 'MISSED' } });
    await waitUntil(
      async () => (await appointment(missed.p, missed.appointmentId)).status === 'NO_SHOW',
      'the appointment no-show',
    );

    // Only the patient came: the doctor was absent, so the appointment is cancelled on the doctor's side and refunded in full.
    const stood = await confirmedOnline(near.take(true));
    const came = await stood.p.api.post(
      `/v1/consultations/${stood.session.id}/events`,
      { kind: 'JOINED' },
      { token: stood.p.token },
    );
    expect(came.body).toMatchObject({ status: 'WAITING', patientJoinedAt: expect.any(String) });
    expect(
      await promoteJob(
        'teleconsultation-timers',
        `no-show-${stood.session.id}-${Date.parse(stood.session.scheduledStart)}`,
      ),
    ).toBe(true);
    await waitUntil(
      async () => (await get(stood.p, stood.session.id)).absent === 'DOCTOR',
      'the doctor to be recorded absent',
    );
    await waitUntil(
      async () => (await appointment(stood.p, stood.appointmentId)).status === 'CANCELLED',
      'the cancellation',
    );
    expect(await appointment(stood.p, stood.appointmentId)).toMatchObject({
      cancellation: { by: 'DOCTOR', reason: 'The doctor did not join the consultation' },
    });
    await waitUntil(async () => (await wallet(stood.p)).balance.amountMinor === stood.fee, 'the full refund');

    const cancelled = await confirmedOnline(near.take(true));
    const res = await cancelled.p.api.post(
      `/v1/appointments/${cancelled.appointmentId}/cancel`,
      { reason: 'Feeling better' },
      { token: cancelled.p.token },
    );
    expect(res.status).toBe(200);
    await waitUntil(
      async () => (await get(cancelled.p, cancelled.session.id)).status === 'CANCELLED',
      'the session to be cancelled',
    );
    await promoteJob(
      'teleconsultation-timers',
      `no-show-${cancelled.session.id}-${Date.parse(cancelled.session.scheduledStart)}`,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await get(cancelled.p, cancelled.session.id)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Feeling better',
    });
    expect((await join(cancelled.p, cancelled.session.id)).body).toMatchObject({ reason: 'SESSION_ENDED' });
  });
});
