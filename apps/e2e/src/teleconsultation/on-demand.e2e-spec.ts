import { randomUUID } from 'node:crypto';
import { Api, waitUntil } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';
import { promoteJob } from '../support/queues';
import { DEMO, newDoctor, type DoctorSession } from '../scheduling/directory-support';
import { entries, fund, wallet } from '../wallet/wallet-support';

/** ON_DEMAND_FEE_MINOR's default. */
const FEE = 500_000;
const DOCTORS = 20;

describe('On-demand consultations: ask now -> fee held -> the first doctor to accept gets it', () => {
  let specialty: string;
  let doctors: DoctorSession[];
  let outsider: DoctorSession;

  /** An online, listed doctor of `code`, as teleconsultation knows them once the profile event arrives. */
  async function onlineDoctor(admin: Session, code: string): Promise<DoctorSession> {
    const d = await newDoctor(admin, { organisationId: DEMO.organisationId });
    const res = await d.api.patch(
      `/v1/doctors/${d.doctorProfileId}`,
      {
        title: 'Dr',
        specialtyCode: code,
        languages: ['English'],
        baseFee: { amountMinor: 1_000_000, currency: 'NGN' },
        clinics: [{ clinicId: DEMO.clinicVi, fee: { amountMinor: 1_000_000, currency: 'NGN' } }],
        availableOnline: true,
        active: true,
      },
      { token: d.token },
    );
    if (res.status !== 200) throw new Error(`doctor profile: ${res.status} ${JSON.stringify(res.body)}`);
    return d;
  }

  beforeAll(async () => {
    const admin = await adminSession();
    specialty = `ODC_${randomUUID().slice(0, 8).toUpperCase()}`;
    const other = `ODC_${randomUUID().slice(0, 8).toUpperCase()}`;
    for (const code of [specialty, other])
      expect((await admin.api.post('/v1/specialties', { code, name: code }, { token: admin.token })).status).toBe(201);
    // A few at a time: each account is a password hash in identity and a profile by event in scheduling.
    doctors = [];
    while (doctors.length < DOCTORS)
      doctors.push(...(await Promise.all(Array.from({ length: 4 }, () => onlineDoctor(admin, specialty)))));
    outsider = await onlineDoctor(admin, other);
  }, 180_000);

  const request = async (p: Session, id: string) =>
    (await p.api.get(`/v1/consultation-requests/${id}`, { token: p.token })).body;

  /** A funded patient's request, once its fee is held (OPEN). */
  async function openRequest() {
    const p = await newPatient();
    await fund(p, FEE);
    const res = await p.api.post(
      '/v1/consultation-requests',
      { specialtyCode: specialty, symptoms: 'Fever and a sore throat since yesterday', callType: 'AUDIO' },
      { token: p.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING_PAYMENT', fee: { amountMinor: FEE, currency: 'NGN' } });
    const id = res.body.id as string;
    await waitUntil(async () => (await request(p, id)).status === 'OPEN', 'the fee to be held');
    expect(await wallet(p)).toMatchObject({ held: { amountMinor: FEE } });
    return { p, id };
  }

  it(`${DOCTORS} doctors accept at once: exactly one gets it, the fee is captured, the consultation starts now`, async () => {
    const { p, id } = await openRequest();
    // Every doctor of the specialty sees it once their profile reached teleconsultation; another specialty's does not.
    for (const d of doctors)
      await waitUntil(
        async () =>
          ((await d.api.get('/v1/consultation-requests?status=OPEN', { token: d.token })).body.items ?? []).some(
            (r: { id: string }) => r.id === id,
          ),
        `doctor ${d.doctorProfileId} to see the request`,
      );
    expect((await outsider.api.get(`/v1/consultation-requests/${id}`, { token: outsider.token })).status).toBe(404);
    expect(
      (await outsider.api.post(`/v1/consultation-requests/${id}/accept`, {}, { token: outsider.token })).status,
    ).toBe(404);
    const stranger = await newPatient();
    expect((await stranger.api.get(`/v1/consultation-requests/${id}`, { token: stranger.token })).status).toBe(404);

    const answers = await Promise.all(
      doctors.map((d) => d.api.post(`/v1/consultation-requests/${id}/accept`, {}, { token: d.token })),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.reason)).toEqual(
      Array(DOCTORS - 1).fill('REQUEST_NOT_OPEN'),
    );
    const winner = doctors[answers.findIndex((a) => a.status === 200)];
    const accepted = await request(p, id);
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      acceptedBy: winner.doctorProfileId,
      consultationId: expect.any(String),
    });

    const session = await p.api.get(`/v1/consultations/${accepted.consultationId}`, { token: p.token });
    expect(session.body).toMatchObject({
      requestId: id,
      appointmentId: null,
      callType: 'AUDIO',
      status: 'SCHEDULED',
      doctorId: winner.doctorProfileId,
    });
    expect(
      (await winner.api.post(`/v1/consultations/${accepted.consultationId}/join`, {}, { token: winner.token })).body,
    ).toMatchObject({ role: 'HOST' });
    const loser = doctors.find((d) => d !== winner)!;
    expect((await loser.api.get(`/v1/consultations/${accepted.consultationId}`, { token: loser.token })).status).toBe(
      404,
    );

    await waitUntil(async () => (await entries(p)).some((e) => e.reference === `CAPTURE_${id}`), 'the capture');
    expect(await wallet(p)).toMatchObject({ balance: { amountMinor: 0 }, held: { amountMinor: 0 } });

    // The patient comes, the doctor who took it never does: the fee comes back in full.
    const cid = accepted.consultationId as string;
    expect((await p.api.post(`/v1/consultations/${cid}/events`, { kind: 'JOINED' }, { token: p.token })).status).toBe(
      200,
    );
    expect(
      await promoteJob('teleconsultation-timers', `no-show-${cid}-${Date.parse(session.body.scheduledStart)}`),
    ).toBe(true);
    await waitUntil(async () => (await wallet(p)).balance.amountMinor === FEE, 'the refund');
    expect((await entries(p)).find((e) => e.reference === `REFUND_${id}`)).toMatchObject({
      title: 'Refund',
      amount: { amountMinor: FEE },
    });
  });

  it('withdrawn by the patient, or expired with nobody accepting: the held fee comes back; neither can be accepted after', async () => {
    const withdrawn = await openRequest();
    const cancelled = await withdrawn.p.api.post(
      `/v1/consultation-requests/${withdrawn.id}/cancel`,
      {},
      { token: withdrawn.p.token },
    );
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED' });
    await waitUntil(async () => (await wallet(withdrawn.p)).held.amountMinor === 0, 'the release');
    expect((await wallet(withdrawn.p)).balance.amountMinor).toBe(FEE);
    const late = await doctors[0].api.post(
      `/v1/consultation-requests/${withdrawn.id}/accept`,
      {},
      { token: doctors[0].token },
    );
    expect(late.body).toMatchObject({ reason: 'REQUEST_NOT_OPEN' });

    const lapsed = await openRequest();
    expect(await promoteJob('teleconsultation-request-expiry', `request-expiry-${lapsed.id}`)).toBe(true);
    await waitUntil(async () => (await request(lapsed.p, lapsed.id)).status === 'EXPIRED', 'the expiry');
    await waitUntil(async () => (await wallet(lapsed.p)).held.amountMinor === 0, 'the release');
    expect((await wallet(lapsed.p)).balance.amountMinor).toBe(FEE);
    expect(
      (await entries(lapsed.p))
        .filter((e) => e.reference.endsWith(lapsed.id))
        .map((e) => e.type)
        .sort(),
    ).toEqual(['HOLD', 'RELEASE']);
  });

  it('validates: symptoms and a call type are required, named in the 400', async () => {
    const p = await newPatient();
    const res = await p.api.post(
      '/v1/consultation-requests',
      { specialtyCode: specialty, callType: 'HOLOGRAM' },
      { token: p.token },
    );
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['callType', 'symptoms']);
    expect((await new Api().post('/v1/consultation-requests', {})).status).toBe(401);
  });
});
