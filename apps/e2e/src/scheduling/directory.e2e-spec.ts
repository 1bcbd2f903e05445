import { randomUUID } from 'node:crypto';
import { SchedulingEvents, type DoctorProfileChangedV1 } from '@telehealth/contracts';
import { Api, EventTap } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';
import { DEMO, newDoctor, type DoctorSession } from './directory-support';

const clinic = (over: Record<string, unknown> = {}) => ({
  name: 'Yaba Family Clinic',
  address: { line1: '3 Herbert Macaulay Way', city: 'Lagos', country: 'NG' },
  geo: { lat: 6.5095, lng: 3.3711 },
  timeZone: 'Africa/Lagos',
  operatingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })),
  facilities: ['Pharmacy'],
  ...over,
});

describe('Directory - /v1/specialties, /v1/clinics, /v1/doctors', () => {
  let admin: Session;
  let patient: Session;
  let staff: Session;
  let changed: EventTap<DoctorProfileChangedV1>;

  beforeAll(async () => {
    [admin, patient, staff] = await Promise.all([
      adminSession(),
      newPatient(),
      login(new Api(), DEMO.staff.email, DEMO.staff.password),
    ]);
    changed = await EventTap.open(SchedulingEvents.doctorProfileChanged);
  });
  afterAll(() => changed.close());

  it('GET /v1/specialties - public, with the demo specialties', async () => {
    const res = await new Api().get('/v1/specialties?limit=100');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['GENERAL_PRACTICE', 'PAEDIATRICS', 'DERMATOLOGY', 'CARDIOLOGY']));
  });

  it('POST/PATCH /v1/specialties - admins add and retire; duplicates 409; patients 403; bad codes 400', async () => {
    const code = `TEST_${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await admin.api.post(
      '/v1/specialties',
      { code, name: 'Test Medicine', description: 'For tests' },
      { token: admin.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      code,
      name: 'Test Medicine',
      description: 'For tests',
      active: true,
    });

    const again = await admin.api.post('/v1/specialties', { code, name: 'Again' }, { token: admin.token });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('SPECIALTY_CODE_TAKEN');

    expect(
      (await patient.api.post('/v1/specialties', { code: 'NOPE_X', name: 'x' }, { token: patient.token })).status,
    ).toBe(403);
    expect((await new Api().post('/v1/specialties', { code: 'NOPE_X', name: 'x' })).status).toBe(401);
    const bad = await admin.api.post('/v1/specialties', { code: 'bad code', name: 'x' }, { token: admin.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['code']);

    const retired = await admin.api.patch(
      `/v1/specialties/${created.body.id}`,
      { active: false },
      { token: admin.token },
    );
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    const publicList = await new Api().get('/v1/specialties?limit=100');
    expect(publicList.body.items.map((s: { code: string }) => s.code)).not.toContain(code);
    const adminList = await admin.api.get('/v1/specialties?limit=100', { token: admin.token });
    expect(adminList.body.items.map((s: { code: string }) => s.code)).toContain(code);
    expect(
      (await admin.api.patch(`/v1/specialties/${randomUUID()}`, { name: 'x' }, { token: admin.token })).status,
    ).toBe(404);
  });

  it('POST /v1/clinics - an admin adds a clinic the public can read and find by city', async () => {
    const city = `Lagos-${randomUUID().slice(0, 6)}`;
    const res = await admin.api.post('/v1/clinics', clinic({ address: { line1: '1 Road', city, country: 'NG' } }), {
      token: admin.token,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Yaba Family Clinic',
      organisationId: null,
      address: { line1: '1 Road', line2: null, city, country: 'NG' },
      geo: { lat: 6.5095, lng: 3.3711 },
      timeZone: 'Africa/Lagos',
      active: true,
    });
    expect(res.body.operatingHours).toHaveLength(5);
    const one = await new Api().get(`/v1/clinics/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body);
    const byCity = await new Api().get(`/v1/clinics?city=${city.toUpperCase()}`);
    expect(byCity.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
    const lagos = await new Api().get('/v1/clinics?city=lagos&limit=100');
    expect(lagos.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([DEMO.clinicVi, DEMO.clinicIkeja]),
    );
  });

  it('POST /v1/clinics - a patient gets 403; bad input 400 naming the field', async () => {
    expect((await patient.api.post('/v1/clinics', clinic(), { token: patient.token })).status).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ operatingHours: [{ weekday: 1, open: '18:00', close: '08:00' }] }, 'operatingHours.0.close'],
      [{ operatingHours: [{ weekday: 7, open: '08:00', close: '18:00' }] }, 'operatingHours.0.weekday'],
      [{ operatingHours: [{ weekday: 1, open: '8am', close: '18:00' }] }, 'operatingHours.0.open'],
      [{ geo: { lat: 100, lng: 3 } }, 'geo.lat'],
      [{ address: { line1: '1 Road', city: 'Lagos', country: 'Nigeria' } }, 'address.country'],
      [{ name: '' }, 'name'],
      [{ unknownField: 1 }, 'unknownField'],
    ];
    for (const [over, field] of cases) {
      const res = await admin.api.post('/v1/clinics', clinic(over), { token: admin.token });
      expect({ over, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        over,
        status: 400,
        fields: [field],
      });
    }
  });

  it("POST/PATCH /v1/clinics - staff manage their organisation's clinics only", async () => {
    const own = await staff.api.post('/v1/clinics', clinic({ organisationId: DEMO.organisationId }), {
      token: staff.token,
    });
    expect(own.status).toBe(201);
    const other = await staff.api.post('/v1/clinics', clinic({ organisationId: randomUUID() }), { token: staff.token });
    expect(other.status).toBe(403);
    const none = await staff.api.post('/v1/clinics', clinic(), { token: staff.token });
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('organisationId');
    const edited = await staff.api.patch(`/v1/clinics/${own.body.id}`, { active: false }, { token: staff.token });
    expect(edited.status).toBe(200);
    expect(edited.body.active).toBe(false);
    // Inactive: hidden from the public, still visible to its managers.
    expect((await new Api().get(`/v1/clinics/${own.body.id}`)).status).toBe(404);
    expect((await staff.api.get(`/v1/clinics/${own.body.id}`, { token: staff.token })).status).toBe(200);

    const foreign = await admin.api.post('/v1/clinics', clinic(), { token: admin.token });
    const touch = await staff.api.patch(`/v1/clinics/${foreign.body.id}`, { name: 'Mine now' }, { token: staff.token });
    expect(touch.status).toBe(404);
    expect((await new Api().get(`/v1/clinics/${foreign.body.id}`)).body.name).toBe('Yaba Family Clinic');
  });

  describe('doctor profiles', () => {
    let doctor: DoctorSession;

    beforeAll(async () => {
      doctor = await newDoctor(admin, { organisationId: DEMO.organisationId });
    });

    it('POST /v1/admin/users (DOCTOR) - the account gets an inactive draft profile by event', async () => {
      const draft = await admin.api.get(`/v1/doctors/${doctor.doctorProfileId}`, { token: admin.token });
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({
        id: doctor.doctorProfileId,
        userId: doctor.userId,
        organisationId: DEMO.organisationId,
        firstName: 'Ifeoma',
        lastName: 'Obi',
        timeZone: 'Africa/Lagos',
        baseFee: { amountMinor: 0, currency: 'NGN' },
        active: false,
      });
      // A draft is not public.
      expect((await new Api().get(`/v1/doctors/${doctor.doctorProfileId}`)).status).toBe(404);
      // A token on a public route must still be valid.
      const garbled = await new Api().get(`/v1/doctors/${doctor.doctorProfileId}`, { token: 'not-a-token' });
      expect(garbled.status).toBe(401);
      expect((await patient.api.get(`/v1/doctors/${doctor.doctorProfileId}`, { token: patient.token })).status).toBe(
        404,
      );
      const created = await changed.waitFor((e) => e.aggregateId === doctor.doctorProfileId);
      expect(created.payload).toMatchObject({ change: 'CREATED', userId: doctor.userId, active: false });
    });

    it('PATCH /v1/doctors/:id - the doctor edits and publishes their own profile; the change is announced', async () => {
      const res = await doctor.api.patch(
        `/v1/doctors/${doctor.doctorProfileId}`,
        {
          title: 'Dr',
          specialtyCode: 'DERMATOLOGY',
          languages: ['English', 'Hausa'],
          baseFee: { amountMinor: 1_200_000, currency: 'NGN' },
          clinics: [{ clinicId: DEMO.clinicVi, fee: { amountMinor: 1_800_000, currency: 'NGN' } }],
          availableOffline: true,
          active: true,
        },
        { token: doctor.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        specialtyCode: 'DERMATOLOGY',
        baseFee: { amountMinor: 1_200_000, currency: 'NGN' },
        clinics: [{ clinicId: DEMO.clinicVi, fee: { amountMinor: 1_800_000, currency: 'NGN' } }],
        active: true,
      });
      expect((await new Api().get(`/v1/doctors/${doctor.doctorProfileId}`)).body.title).toBe('Dr');
      const event = await changed.waitFor(
        (e) => e.aggregateId === doctor.doctorProfileId && e.payload.change === 'UPDATED',
      );
      expect(event.payload).toMatchObject({
        doctorProfileId: doctor.doctorProfileId,
        specialtyCode: 'DERMATOLOGY',
        baseFee: { amountMinor: 1_200_000, currency: 'NGN' },
        active: true,
      });
      expect(event.payload.changedFields).toEqual(
        expect.arrayContaining(['title', 'specialtyCode', 'languages', 'baseFee', 'clinics', 'active']),
      );
      const found = await new Api().get('/v1/doctors?specialty=DERMATOLOGY&language=hausa');
      expect(found.body.items.map((d: { id: string }) => d.id)).toContain(doctor.doctorProfileId);
    });

    it("PATCH /v1/doctors/:id - another doctor's profile is 404, a patient is 403, staff of the organisation may", async () => {
      const before = await new Api().get(`/v1/doctors/${DEMO.doctor1.id}`);
      const other = await doctor.api.patch(
        `/v1/doctors/${DEMO.doctor1.id}`,
        { bio: 'hijacked' },
        { token: doctor.token },
      );
      expect(other.status).toBe(404);
      expect((await new Api().get(`/v1/doctors/${DEMO.doctor1.id}`)).body.bio).toBe(before.body.bio);
      expect(
        (await patient.api.patch(`/v1/doctors/${doctor.doctorProfileId}`, { bio: 'x' }, { token: patient.token }))
          .status,
      ).toBe(403);
      const byStaff = await staff.api.patch(
        `/v1/doctors/${doctor.doctorProfileId}`,
        { yearsOfExperience: 7 },
        { token: staff.token },
      );
      expect(byStaff.status).toBe(200);
      expect(byStaff.body.yearsOfExperience).toBe(7);
      const move = await staff.api.patch(
        `/v1/doctors/${doctor.doctorProfileId}`,
        { organisationId: randomUUID() },
        { token: staff.token },
      );
      expect(move.status).toBe(403);
    });

    it('PATCH /v1/doctors/:id - bad input is 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ baseFee: { amountMinor: 15000.5, currency: 'NGN' } }, 'baseFee.amountMinor'],
        [{ baseFee: { amountMinor: 1500, currency: 'naira' } }, 'baseFee.currency'],
        [{ baseFee: { amountMinor: 1500, currency: 'XYZ' } }, 'baseFee.currency'],
        [{ specialtyCode: 'ASTROLOGY' }, 'specialtyCode'],
        [{ clinics: [{ clinicId: randomUUID(), fee: { amountMinor: 1, currency: 'NGN' } }] }, 'clinics.0.clinicId'],
        [{ timeZone: 'Lagos' }, 'timeZone'],
        [{ yearsOfExperience: -1 }, 'yearsOfExperience'],
        [{ active: 'yes' }, 'active'],
        [{ rating: { average: 5, count: 1000 } }, 'rating'],
      ];
      for (const [body, field] of cases) {
        const res = await doctor.api.patch(`/v1/doctors/${doctor.doctorProfileId}`, body, { token: doctor.token });
        expect({ body, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
    });

    it('PATCH /v1/doctors/:id - an admin creates a missing profile; names are then required', async () => {
      const id = randomUUID();
      const incomplete = await admin.api.patch(`/v1/doctors/${id}`, { bio: 'x' }, { token: admin.token });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.details[0].field).toBe('firstName');
      const res = await admin.api.patch(
        `/v1/doctors/${id}`,
        { firstName: 'Musa', lastName: 'Bello' },
        { token: admin.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, userId: null, firstName: 'Musa', active: false });
      expect(
        (
          await doctor.api.patch(
            `/v1/doctors/${randomUUID()}`,
            { firstName: 'X', lastName: 'Y' },
            { token: doctor.token },
          )
        ).status,
      ).toBe(404);
    });
  });

  it('GET /v1/doctors - search by specialty, city, language, fee; sorted by fee; unsupported options 400', async () => {
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((d) => d.id);
    const paediatrics = await new Api().get('/v1/doctors?specialty=PAEDIATRICS');
    expect(paediatrics.status).toBe(200);
    expect(ids(paediatrics)).toContain(DEMO.doctor2.id);
    expect(ids(paediatrics)).not.toContain(DEMO.doctor1.id);

    const byFee = await new Api().get('/v1/doctors?city=LAGOS&sort=fee&limit=100');
    const order = ids(byFee).filter((id) => id === DEMO.doctor1.id || id === DEMO.doctor2.id);
    expect(order).toEqual([DEMO.doctor1.id, DEMO.doctor2.id]); // ₦15,000 before ₦20,000
    const fees = byFee.body.items.map((d: { baseFee: { amountMinor: number } }) => d.baseFee.amountMinor);
    expect(fees).toEqual([...fees].sort((a, b) => a - b));

    expect(ids(await new Api().get('/v1/doctors?language=YORUBA'))).toContain(DEMO.doctor1.id);
    expect(ids(await new Api().get('/v1/doctors?language=yoruba'))).not.toContain(DEMO.doctor2.id);
    const pricey = await new Api().get('/v1/doctors?minFee=1600000&maxFee=2000000&online=true');
    expect(ids(pricey)).toContain(DEMO.doctor2.id);
    expect(ids(pricey)).not.toContain(DEMO.doctor1.id);
    const axa = ids(await new Api().get('/v1/doctors?insurance=axa%20mansard'));
    expect(axa).toContain(DEMO.doctor1.id);
    expect(axa).not.toContain(DEMO.doctor2.id);

    for (const [query, field] of [
      ['minFee=5&maxFee=1', 'maxFee'],
      ['minFee=-1', 'minFee'],
      ['sort=distance', 'sort'],
      ['online=maybe', 'online'],
      ['near=6.4,3.4', 'near'],
    ]) {
      const res = await new Api().get(`/v1/doctors?${query}`);
      expect({ query, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });
});
