import { randomUUID } from 'node:crypto';
import {
  SchedulingEvents,
  type AvailabilityRuleChangedV1,
  type ClinicChangedV1,
  type SpecialtyChangedV1,
} from '@telehealth/contracts';
import { EventTap } from '@telehealth/testing';
import { adminSession, type Session } from '../support/actors';
import { newDoctor } from './directory-support';

/** Clinic, specialty and availability-rule changes are announced through the outbox, like appointments. */
describe('Directory events - scheduling.clinic / specialty / availability-rule .changed.v1', () => {
  let admin: Session;
  let clinics: EventTap<ClinicChangedV1>;
  let specialties: EventTap<SpecialtyChangedV1>;
  let rules: EventTap<AvailabilityRuleChangedV1>;

  beforeAll(async () => {
    admin = await adminSession();
    [clinics, specialties, rules] = await Promise.all([
      EventTap.open(SchedulingEvents.clinicChanged),
      EventTap.open(SchedulingEvents.specialtyChanged),
      EventTap.open(SchedulingEvents.availabilityRuleChanged),
    ]);
  });
  afterAll(async () => {
    await Promise.all([clinics.close(), specialties.close(), rules.close()]);
  });

  it('POST/PATCH /v1/specialties - the new specialty, then its retirement, are announced', async () => {
    const code = `EVT_${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await admin.api.post('/v1/specialties', { code, name: 'Event Medicine' }, { token: admin.token });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const first = await specialties.waitFor((e) => e.payload.specialtyId === id);
    expect(first).toMatchObject({ aggregateId: id, producer: 'scheduling' });
    expect(first.payload).toEqual({
      specialtyId: id,
      change: 'CREATED',
      changedFields: ['active', 'code', 'description', 'name'],
      code,
      name: 'Event Medicine',
      active: true,
    });

    expect((await admin.api.patch(`/v1/specialties/${id}`, { active: false }, { token: admin.token })).status).toBe(
      200,
    );
    const retired = await specialties.waitFor((e) => e.payload.specialtyId === id && e.payload.change === 'UPDATED');
    expect(retired.payload).toMatchObject({ changedFields: ['active'], active: false });
  });

  it('POST/PATCH /v1/clinics - the new clinic, then its new hours, are announced', async () => {
    const created = await admin.api.post(
      '/v1/clinics',
      {
        name: 'Surulere Event Clinic',
        address: { line1: '1 Adeniran Ogunsanya St', city: 'Lagos', country: 'NG' },
        geo: { lat: 6.5, lng: 3.35 },
        timeZone: 'Africa/Lagos',
        operatingHours: [{ weekday: 1, open: '08:00', close: '17:00' }],
      },
      { token: admin.token },
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const first = await clinics.waitFor((e) => e.payload.clinicId === id);
    expect(first.payload).toMatchObject({
      change: 'CREATED',
      name: 'Surulere Event Clinic',
      city: 'Lagos',
      timeZone: 'Africa/Lagos',
      active: true,
    });
    expect(first.payload.changedFields).toEqual(expect.arrayContaining(['name', 'address', 'operatingHours']));
    expect(first.payload.changedFields).not.toContain('cityKey');

    const hours = [{ weekday: 2, open: '09:00', close: '13:00' }];
    expect((await admin.api.patch(`/v1/clinics/${id}`, { operatingHours: hours }, { token: admin.token })).status).toBe(
      200,
    );
    const edited = await clinics.waitFor((e) => e.payload.clinicId === id && e.payload.change === 'UPDATED');
    expect(edited.payload).toMatchObject({ changedFields: ['operatingHours'], operatingHours: hours });
  });

  it('POST/PATCH/DELETE /v1/doctors/:id/availability/rules - added, edited and removed rules are announced', async () => {
    const doctor = await newDoctor(admin);
    const base = `/v1/doctors/${doctor.doctorProfileId}/availability/rules`;
    const created = await doctor.api.post(
      base,
      { weekday: 3, startTime: '09:00', endTime: '12:00', slotMinutes: 30, maxPatients: 1, mode: 'ONLINE' },
      { token: doctor.token },
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const first = await rules.waitFor((e) => e.payload.ruleId === id);
    expect(first.payload).toMatchObject({
      doctorId: doctor.doctorProfileId,
      change: 'CREATED',
      weekday: 3,
      startTime: '09:00',
      endTime: '12:00',
      active: true,
    });

    expect((await doctor.api.patch(`${base}/${id}`, { endTime: '11:00' }, { token: doctor.token })).status).toBe(200);
    const edited = await rules.waitFor((e) => e.payload.ruleId === id && e.payload.change === 'UPDATED');
    expect(edited.payload).toMatchObject({ changedFields: ['endTime'], endTime: '11:00' });

    expect((await doctor.api.delete(`${base}/${id}`, { token: doctor.token })).status).toBe(200);
    const removed = await rules.waitFor((e) => e.payload.ruleId === id && e.payload.change === 'REMOVED');
    expect(removed.payload).toMatchObject({ changedFields: ['active'], active: false });
  });
});
