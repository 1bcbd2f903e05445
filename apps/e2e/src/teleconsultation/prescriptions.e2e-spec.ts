import { Api, gatewayUrl, waitUntil } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';
import { DEMO, lagosDate, newDoctor, weekdayOf, type DoctorSession } from '../scheduling/directory-support';
import { book, type Slot } from '../scheduling/booking-support';
import { fund } from '../wallet/wallet-support';

const FEE = 700_000;
const medication = {
  name: 'Amoxicillin',
  strength: '500 mg',
  form: 'capsule',
  dose: '1 capsule',
  route: 'oral',
  frequency: 'every 8 hours',
  duration: '7 days',
  quantity: 21,
  refills: 0,
  instructions: 'After meals',
};

/** The text runs of an uncompressed pdfkit PDF (hex strings in TJ arrays). */
const pdfText = (pdf: Buffer): string =>
  [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map((m) =>
      [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    )
    .join('\n');

describe('Prescriptions - /v1/prescriptions (issue 11 §3)', () => {
  let doctor: DoctorSession;
  let patient: Session;
  let appointmentId: string;
  let dependentId: string;
  let dependentAppointmentId: string;

  beforeAll(async () => {
    const admin = await adminSession();
    doctor = await newDoctor(admin, { organisationId: DEMO.organisationId });
    const profile = await doctor.api.patch(
      `/v1/doctors/${doctor.doctorProfileId}`,
      {
        firstName: 'Chidi',
        lastName: 'Eze',
        registrationNumber: 'MDCN/2020/31337',
        qualifications: ['MBBS', 'FWACP'],
        clinics: [{ clinicId: DEMO.clinicVi, fee: { amountMinor: FEE, currency: 'NGN' } }],
        requiresConfirmation: false,
        availableOffline: true,
        active: true,
      },
      { token: doctor.token },
    );
    expect(profile.status).toBe(200);
    const day = weekdayOf(lagosDate(3)) === 0 ? lagosDate(4) : lagosDate(3);
    const rule = await doctor.api.post(
      `/v1/doctors/${doctor.doctorProfileId}/availability/rules`,
      {
        clinicId: DEMO.clinicVi,
        weekday: weekdayOf(day),
        startTime: '10:00',
        endTime: '11:00',
        slotMinutes: 30,
        maxPatients: 1,
        mode: 'IN_CLINIC',
      },
      { token: doctor.token },
    );
    expect(rule.status).toBe(201);
    const slots = await new Api().get(`/v1/doctors/${doctor.doctorProfileId}/slots?from=${day}&to=${day}`);
    const [own, child] = slots.body as Slot[];

    patient = await newPatient();
    await fund(patient, 2 * FEE);
    const dependent = await patient.api.post(
      '/v1/me/dependents',
      { firstName: 'Kid', lastName: 'Okeke', relationship: 'CHILD', dateOfBirth: '2017-01-01', gender: 'MALE' },
      { token: patient.token },
    );
    expect(dependent.status).toBe(201);
    dependentId = dependent.body.id;
    const confirmed = async (slot: Slot, extra: Record<string, unknown>) => {
      const booked = await book(patient, slot, { paymentMethod: 'WALLET', ...extra });
      expect(booked.status).toBe(201);
      const id: string = booked.body.id;
      await waitUntil(
        async () =>
          (await patient.api.get(`/v1/appointments/${id}`, { token: patient.token })).body.status === 'CONFIRMED',
        'the appointment to be confirmed',
        30_000,
      );
      return id;
    };
    appointmentId = await confirmed(own, {});
    dependentAppointmentId = await confirmed(child, { dependentId });
  }, 120_000);

  const draft = (body: Record<string, unknown> = {}) =>
    doctor.api.post(
      '/v1/prescriptions',
      { appointmentId, medications: [medication], diagnosis: 'Acute otitis media', ...body },
      { token: doctor.token },
    );

  /** The doctor's draft, once teleconsultation has the appointment as confirmed (from scheduling's events). */
  async function newDraft(body: Record<string, unknown> = {}) {
    let res = await draft(body);
    await waitUntil(async () => res.status === 201 || (res = await draft(body)).status === 201, 'a first draft');
    return res.body;
  }

  it('POST /v1/prescriptions - bad medications are 400 naming each field; a stranger doctor and a patient are refused', async () => {
    await newDraft();
    const bad = await draft({ medications: [{ ...medication, dose: 5, quantity: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'medications.0.dose',
      'medications.0.quantity',
    ]);
    const admin = await adminSession();
    const stranger = await newDoctor(admin);
    const foreign = await stranger.api.post(
      '/v1/prescriptions',
      { appointmentId, medications: [medication] },
      { token: stranger.token },
    );
    expect(foreign.status).toBe(404);
    expect((await patient.api.post('/v1/prescriptions', { appointmentId }, { token: patient.token })).status).toBe(403);
  });

  it('draft -> edit -> sign: patient notified, appointment hasPrescription, immutable, snapshots survive a rename, stranger 404, verify without PHI, PDF', async () => {
    // The patient's own medical record lists an allergy: the signed prescription carries it too.
    const history = await patient.api.put(
      '/v1/me/medical-record',
      { allergies: [{ substance: 'Sulfonamides', reaction: 'Rash' }] },
      { token: patient.token },
    );
    expect(history.status).toBe(200);
    const created = await newDraft({ patientDetails: { weightKg: 64, allergies: ['Penicillin'] } });
    expect(created).toMatchObject({ status: 'DRAFT', verificationCode: null, patient: null });
    const id: string = created.id;
    // A draft is the doctor's: the patient does not see it yet.
    expect((await patient.api.get(`/v1/prescriptions/${id}`, { token: patient.token })).status).toBe(404);

    const edited = await doctor.api.patch(
      `/v1/prescriptions/${id}`,
      { notes: 'Review in a week' },
      { token: doctor.token },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ notes: 'Review in a week', medications: [medication] });

    const signed = await doctor.api.post(`/v1/prescriptions/${id}/sign`, {}, { token: doctor.token });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'SIGNED',
      verificationCode: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      patient: {
        patientId: patient.userId,
        dependentId: null,
        name: 'Ngozi Okeke',
        dateOfBirth: '1991-04-23',
        sex: 'FEMALE',
        age: expect.any(Number),
        weightKg: 64,
        allergies: ['Sulfonamides', 'Penicillin'],
      },
      doctor: {
        name: 'Dr Chidi Eze',
        registrationNumber: 'MDCN/2020/31337',
        qualifications: ['MBBS', 'FWACP'],
        clinic: { id: DEMO.clinicVi, name: expect.any(String) },
      },
    });
    const code: string = signed.body.verificationCode;

    // Signed: no more edits, no second signature.
    const late = await doctor.api.patch(`/v1/prescriptions/${id}`, { notes: 'changed' }, { token: doctor.token });
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe('PRESCRIPTION_SIGNED');
    expect((await doctor.api.post(`/v1/prescriptions/${id}/sign`, {}, { token: doctor.token })).body.reason).toBe(
      'PRESCRIPTION_SIGNED',
    );

    // The patient is told, and the appointment says it has a prescription.
    await waitUntil(async () => {
      const inbox = (await patient.api.get('/v1/notifications', { token: patient.token })).body.items ?? [];
      return inbox.some(
        (n: { kind: string; data: Record<string, string> }) =>
          n.kind === 'PRESCRIPTION_ISSUED' && n.data?.prescriptionId === id,
      );
    }, 'the prescription-issued notification');
    await waitUntil(async () => {
      const a = await patient.api.get(`/v1/appointments/${appointmentId}`, { token: patient.token });
      return a.body.hasPrescription === true && a.body.prescriptionId === id;
    }, 'the appointment to have its prescription');

    // The patient reads and lists it; a stranger gets 404.
    const read = await patient.api.get(`/v1/prescriptions/${id}`, { token: patient.token });
    expect(read.body).toMatchObject({ status: 'SIGNED', medications: [medication], verificationCode: code });
    const listed = await patient.api.get(`/v1/prescriptions?appointmentId=${appointmentId}`, { token: patient.token });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const stranger = await newPatient();
    expect((await stranger.api.get(`/v1/prescriptions/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await stranger.api.get(`/v1/prescriptions/${id}/pdf`, { token: stranger.token })).status).toBe(404);

    // The doctor renames themself: the issued prescription keeps the name it was signed with.
    const renamed = await doctor.api.patch(
      `/v1/doctors/${doctor.doctorProfileId}`,
      { firstName: 'Chukwudi', registrationNumber: 'MDCN/2020/99999' },
      { token: doctor.token },
    );
    expect(renamed.status).toBe(200);
    expect((await new Api().get(`/v1/doctors/${doctor.doctorProfileId}`)).body.firstName).toBe('Chukwudi');
    const after = await patient.api.get(`/v1/prescriptions/${id}`, { token: patient.token });
    expect(after.body.doctor).toMatchObject({ name: 'Dr Chidi Eze', registrationNumber: 'MDCN/2020/31337' });
    expect(after.body.patient).toEqual(signed.body.patient);

    // Public verification: valid, when, by whom; nothing about the patient or the medicine.
    const verified = await new Api().get(`/v1/prescriptions/verify/${code.toLowerCase()}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      code,
      status: 'VALID',
      issuedAt: signed.body.signedAt,
      doctorName: 'Dr Chidi Eze',
      registrationNumber: 'MDCN/2020/31337',
    });
    const exposed = JSON.stringify(verified.body);
    for (const phi of ['Amoxicillin', 'otitis', 'Penicillin', patient.userId, signed.body.patient.name])
      expect(exposed).not.toContain(phi);
    expect((await new Api().get('/v1/prescriptions/verify/ZZZZ-ZZZZ-ZZZZ')).body.status).toBe('UNKNOWN');

    // The printable PDF, to the patient.
    const res = await fetch(`${gatewayUrl()}/v1/prescriptions/${id}/pdf`, {
      headers: { authorization: `Bearer ${patient.token}`, 'x-forwarded-for': patient.api.ip },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(pdf)).toContain(`Verification code: ${code}`);
    expect(pdfText(pdf)).toContain('Dr Chidi Eze');

    // Cancelled with a reason: kept, marked, announced to the patient; its code now verifies CANCELLED.
    const cancelled = await doctor.api.post(
      `/v1/prescriptions/${id}/cancel`,
      { reason: 'Wrong strength' },
      { token: doctor.token },
    );
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Wrong strength' });
    expect((await patient.api.get(`/v1/prescriptions/${id}`, { token: patient.token })).body.status).toBe('CANCELLED');
    expect((await new Api().get(`/v1/prescriptions/verify/${code}`)).body.status).toBe('CANCELLED');
    await waitUntil(async () => {
      const inbox = (await patient.api.get('/v1/notifications', { token: patient.token })).body.items ?? [];
      return inbox.some(
        (n: { kind: string; data: Record<string, string> }) =>
          n.kind === 'PRESCRIPTION_CANCELLED' && n.data?.prescriptionId === id,
      );
    }, 'the prescription-cancelled notification');
  });

  it("a dependent's prescription: the child is frozen as identity knows them; the account holder reads it", async () => {
    let res = await doctor.api.post(
      '/v1/prescriptions',
      { appointmentId: dependentAppointmentId, medications: [medication] },
      { token: doctor.token },
    );
    await waitUntil(
      async () =>
        res.status === 201 ||
        (res = await doctor.api.post(
          '/v1/prescriptions',
          { appointmentId: dependentAppointmentId, medications: [medication] },
          { token: doctor.token },
        )).status === 201,
      "a draft for the dependent's appointment",
    );
    const signed = await doctor.api.post(`/v1/prescriptions/${res.body.id}/sign`, {}, { token: doctor.token });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ patientId: patient.userId, dependentId });
    expect(signed.body.patient).toMatchObject({
      patientId: patient.userId,
      dependentId,
      name: 'Kid Okeke',
      dateOfBirth: '2017-01-01',
      sex: 'MALE',
    });
    const read = await patient.api.get(`/v1/prescriptions/${res.body.id}`, { token: patient.token });
    expect(read.body.patient.name).toBe('Kid Okeke');
  });
});
