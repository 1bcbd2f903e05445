import { randomUUID } from 'node:crypto';
import { Api, dbNameOf, rawDb } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';
import { DEMO, lagosDate, newDoctor, plusDays, weekdayOf, type DoctorSession } from './directory-support';

interface Slot {
  id: string;
  doctorId: string;
  clinicId: string | null;
  mode: string;
  start: string;
  end: string;
  timeZone: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  fee: { amountMinor: number; currency: string };
  capacity: number;
  booked: number;
  available: number;
}

/** A seat taken the way booking takes one (an insert of `${slotId}#${seat}`), for an appointment. */
async function claimSeat(slot: Slot, appointmentId: string): Promise<() => Promise<void>> {
  const { db, close } = await rawDb(dbNameOf('scheduling'));
  const _id = `${slot.id}#0`;
  await db.collection<{ _id: string; [field: string]: unknown }>('seat_claims').insertOne({
    _id,
    slotId: slot.id,
    doctorId: slot.doctorId,
    seat: 0,
    appointmentId,
    start: new Date(slot.start),
    claimedAt: new Date(),
  });
  return async () => {
    await db.collection<{ _id: string; [field: string]: unknown }>('seat_claims').deleteOne({ _id });
    await close();
  };
}

const fields = (res: { body: { details?: { field: string }[] } }) => res.body.details?.map((d) => d.field);

describe('Availability and slots - /v1/doctors/:id/availability, /v1/doctors/:id/slots', () => {
  let admin: Session;
  let patient: Session;
  // Tomorrow to a week later, Lagos dates: past the minimum notice, inside the horizon.
  const from = lagosDate(1);
  const to = plusDays(from, 6);
  const workingDays = Array.from({ length: 7 }, (_, i) => plusDays(from, i)).filter((d) => weekdayOf(d) !== 0);

  beforeAll(async () => {
    [admin, patient] = await Promise.all([adminSession(), newPatient()]);
  });

  it('GET /v1/doctors/:id/slots - a week of the one-seat demo doctor: clinic mornings, online afternoons', async () => {
    const res = await new Api().get(`/v1/doctors/${DEMO.doctor1.id}/slots?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const slots = res.body as Slot[];
    // Mon-Sat, 09:00-13:00 in the clinic and 13:00-17:00 online, 30 minutes each: 16 a day.
    expect(slots).toHaveLength(workingDays.length * 16);
    expect([...new Set(slots.map((s) => s.localDate))]).toEqual(workingDays);
    for (const s of slots) {
      expect(s).toMatchObject({ doctorId: DEMO.doctor1.id, timeZone: 'Africa/Lagos', capacity: 1 });
      expect(s.fee).toEqual({ amountMinor: 1_500_000, currency: 'NGN' });
      expect(s.available).toBe(s.capacity - s.booked);
      expect(new Date(s.end).getTime() - new Date(s.start).getTime()).toBe(30 * 60_000);
      if (s.localStart < '13:00') expect(s).toMatchObject({ mode: 'IN_CLINIC', clinicId: DEMO.clinicVi });
      else expect(s).toMatchObject({ mode: 'ONLINE', clinicId: null });
    }
    const first = slots[0];
    expect(first).toMatchObject({ localDate: workingDays[0], localStart: '09:00', localEnd: '09:30' });
    // Lagos is UTC+1 all year.
    expect(first.start).toBe(`${workingDays[0]}T08:00:00.000Z`);
    expect(first.id).toBe(`${DEMO.doctor1.id}:${first.start}`);
    expect(slots.at(-1)).toMatchObject({ localStart: '16:30', localEnd: '17:00' });

    const online = await new Api().get(`/v1/doctors/${DEMO.doctor1.id}/slots?from=${from}&to=${to}&mode=ONLINE`);
    expect(online.body).toHaveLength(workingDays.length * 8);
    expect(online.body.every((s: Slot) => s.mode === 'ONLINE')).toBe(true);
  });

  it('GET /v1/doctors/:id/slots - the three-seat demo doctor offers both modes at the Ikeja clinic', async () => {
    const res = await new Api().get(
      `/v1/doctors/${DEMO.doctor2.id}/slots?from=${from}&to=${to}&mode=IN_CLINIC&clinicId=${DEMO.clinicIkeja}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(workingDays.length * 16);
    for (const s of res.body as Slot[]) {
      expect(s).toMatchObject({ mode: 'BOTH', clinicId: DEMO.clinicIkeja, capacity: 3 });
      expect(s.fee).toEqual({ amountMinor: 2_000_000, currency: 'NGN' });
      expect(s.available).toBe(3 - s.booked);
    }
    const elsewhere = await new Api().get(
      `/v1/doctors/${DEMO.doctor2.id}/slots?from=${from}&to=${to}&clinicId=${DEMO.clinicVi}`,
    );
    expect(elsewhere.body).toEqual([]);
  });

  it('GET /v1/doctors/:id/slots - bad ranges and values are 400 naming the field; unknown doctors 404', async () => {
    const cases: [string, string][] = [
      [`from=${to}&to=${from}`, 'to'],
      [`from=${from}&to=${plusDays(from, 31)}`, 'to'],
      [`from=2026-02-30&to=${to}`, 'from'],
      [`from=${from}`, 'to'],
      [`from=${from}&to=${to}&mode=HOME`, 'mode'],
      [`from=${from}&to=${to}&clinicId=clinic-1`, 'clinicId'],
    ];
    for (const [query, field] of cases) {
      const res = await new Api().get(`/v1/doctors/${DEMO.doctor1.id}/slots?${query}`);
      expect({ query, status: res.status, fields: fields(res) }).toEqual({ query, status: 400, fields: [field] });
    }
    expect(
      (await new Api().get(`/v1/doctors/${DEMO.doctor1.id}/slots?from=${from}&to=${plusDays(from, 30)}`)).status,
    ).toBe(200);
    expect((await new Api().get(`/v1/doctors/${randomUUID()}/slots?from=${from}&to=${to}`)).status).toBe(404);
  });

  describe("a new doctor's own rules", () => {
    let doctor: DoctorSession;
    let other: DoctorSession;
    const base = () => `/v1/doctors/${doctor.doctorProfileId}/availability`;
    // A working day at least three days ahead.
    const day = weekdayOf(lagosDate(3)) === 0 ? lagosDate(4) : lagosDate(3);
    const rule = (over: Record<string, unknown> = {}) => ({
      clinicId: DEMO.clinicVi,
      weekday: weekdayOf(day),
      startTime: '10:00',
      endTime: '12:00',
      slotMinutes: 30,
      maxPatients: 1,
      mode: 'IN_CLINIC',
      ...over,
    });
    const slotsOn = async (date: string): Promise<Slot[]> => {
      const res = await doctor.api.get(`/v1/doctors/${doctor.doctorProfileId}/slots?from=${date}&to=${date}`, {
        token: doctor.token,
      });
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      [doctor, other] = await Promise.all([
        newDoctor(admin, { organisationId: DEMO.organisationId }),
        newDoctor(admin),
      ]);
      const listed = await doctor.api.patch(
        `/v1/doctors/${doctor.doctorProfileId}`,
        { clinics: [{ clinicId: DEMO.clinicVi, fee: { amountMinor: 900_000, currency: 'NGN' } }] },
        { token: doctor.token },
      );
      expect(listed.status).toBe(200);
    });

    it('POST/GET rules - the doctor adds a rule; its slots appear (to the doctor: the draft is not public)', async () => {
      const created = await doctor.api.post(`${base()}/rules`, rule(), { token: doctor.token });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...rule(), doctorId: doctor.doctorProfileId, fee: null, active: true });
      const list = await doctor.api.get(`${base()}/rules`, { token: doctor.token });
      expect(list.body.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
      const slots = await slotsOn(day);
      expect(slots.map((s) => s.localStart)).toEqual(['10:00', '10:30', '11:00', '11:30']);
      expect(slots[0].fee).toEqual({ amountMinor: 900_000, currency: 'NGN' });
      expect((await new Api().get(`/v1/doctors/${doctor.doctorProfileId}/slots?from=${day}&to=${day}`)).status).toBe(
        404,
      );
      await doctor.api.delete(`${base()}/rules/${created.body.id}`, { token: doctor.token });
    });

    it('POST rules - invalid rules are 400 naming the field; overlapping ones 409', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ slotMinutes: 3 }, 'slotMinutes'],
        [{ slotMinutes: 500 }, 'slotMinutes'],
        [{ maxPatients: 0 }, 'maxPatients'],
        [{ maxPatients: 101 }, 'maxPatients'],
        [{ weekday: 7 }, 'weekday'],
        [{ startTime: '9:00' }, 'startTime'],
        [{ endTime: '09:00' }, 'endTime'],
        [{ mode: 'HOME' }, 'mode'],
        [{ clinicId: DEMO.clinicIkeja }, 'clinicId'],
        [{ clinicId: undefined }, 'clinicId'],
        [{ validFrom: '2026-03-10', validTo: '2026-03-01' }, 'validTo'],
        [{ fee: { amountMinor: 10.5, currency: 'NGN' } }, 'fee.amountMinor'],
      ];
      for (const [over, field] of cases) {
        const res = await doctor.api.post(`${base()}/rules`, rule(over), { token: doctor.token });
        expect({ over, status: res.status, fields: fields(res) }).toEqual({ over, status: 400, fields: [field] });
      }
      const first = await doctor.api.post(`${base()}/rules`, rule(), { token: doctor.token });
      expect(first.status).toBe(201);
      const clash = await doctor.api.post(
        `${base()}/rules`,
        rule({ clinicId: undefined, mode: 'ONLINE', startTime: '11:30', endTime: '13:00' }),
        { token: doctor.token },
      );
      expect(clash.status).toBe(409);
      expect(clash.body.reason).toBe('RULE_OVERLAP');
      const after = await doctor.api.post(
        `${base()}/rules`,
        rule({ clinicId: undefined, mode: 'ONLINE', startTime: '12:00', endTime: '13:00' }),
        { token: doctor.token },
      );
      expect(after.status).toBe(201);
      for (const id of [first.body.id, after.body.id]) {
        expect((await doctor.api.delete(`${base()}/rules/${id}`, { token: doctor.token })).status).toBe(200);
      }
    });

    it("rules - other doctors get 404, patients 403; the organisation's staff and admins may read", async () => {
      const created = await doctor.api.post(`${base()}/rules`, rule({ startTime: '14:00', endTime: '15:00' }), {
        token: doctor.token,
      });
      expect(created.status).toBe(201);
      expect((await other.api.get(`${base()}/rules`, { token: other.token })).status).toBe(404);
      expect((await other.api.post(`${base()}/rules`, rule(), { token: other.token })).status).toBe(404);
      expect(
        (await other.api.patch(`${base()}/rules/${created.body.id}`, { maxPatients: 2 }, { token: other.token }))
          .status,
      ).toBe(404);
      // The rule is not the other doctor's even under their own id.
      const underOwnId = `/v1/doctors/${other.doctorProfileId}/availability/rules/${created.body.id}`;
      expect((await other.api.delete(underOwnId, { token: other.token })).status).toBe(404);
      expect((await patient.api.get(`${base()}/rules`, { token: patient.token })).status).toBe(403);
      const staff = await login(new Api(), DEMO.staff.email, DEMO.staff.password);
      expect((await staff.api.get(`${base()}/rules`, { token: staff.token })).status).toBe(200);
      expect((await admin.api.get(`${base()}/rules`, { token: admin.token })).body).toHaveLength(1);
      expect((await doctor.api.delete(`${base()}/rules/${created.body.id}`, { token: doctor.token })).status).toBe(200);
      expect((await doctor.api.get(`${base()}/rules`, { token: doctor.token })).body).toEqual([]);
    });

    it('exceptions - block a day and add extra hours; bad ones 400 naming the field', async () => {
      const created = await doctor.api.post(`${base()}/rules`, rule(), { token: doctor.token });
      expect((await slotsOn(day)).length).toBe(4);
      const blocked = await doctor.api.post(
        `${base()}/exceptions`,
        { date: day, kind: 'BLOCKED', reason: 'Conference' },
        { token: doctor.token },
      );
      expect(blocked.status).toBe(201);
      expect(blocked.body).toMatchObject({ date: day, kind: 'BLOCKED', startTime: null, reason: 'Conference' });
      expect(await slotsOn(day)).toEqual([]);
      const extra = await doctor.api.post(
        `${base()}/exceptions`,
        {
          date: day,
          kind: 'EXTRA',
          startTime: '15:00',
          endTime: '16:00',
          slotMinutes: 20,
          maxPatients: 2,
          mode: 'ONLINE',
        },
        { token: doctor.token },
      );
      expect(extra.status).toBe(201);
      expect((await slotsOn(day)).map((s) => [s.localStart, s.mode, s.capacity])).toEqual([
        ['15:00', 'ONLINE', 2],
        ['15:20', 'ONLINE', 2],
        ['15:40', 'ONLINE', 2],
      ]);
      const listed = await doctor.api.get(`${base()}/exceptions?from=${day}&to=${day}`, { token: doctor.token });
      expect(listed.body.map((e: { id: string }) => e.id).sort()).toEqual([blocked.body.id, extra.body.id].sort());

      for (const [body, field] of [
        [{ date: '2026-02-30', kind: 'BLOCKED' }, 'date'],
        [{ date: day, kind: 'HOLIDAY' }, 'kind'],
        [{ date: day, kind: 'BLOCKED', startTime: '12:00' }, 'endTime'],
        [
          { date: day, kind: 'EXTRA', startTime: '15:00', endTime: '16:00', maxPatients: 1, mode: 'ONLINE' },
          'slotMinutes',
        ],
        [
          {
            date: day,
            kind: 'EXTRA',
            startTime: '16:00',
            endTime: '15:00',
            slotMinutes: 20,
            maxPatients: 1,
            mode: 'ONLINE',
          },
          'endTime',
        ],
      ] as [Record<string, unknown>, string][]) {
        const res = await doctor.api.post(`${base()}/exceptions`, body, { token: doctor.token });
        expect({ body, status: res.status, fields: fields(res) }).toEqual({ body, status: 400, fields: [field] });
      }
      for (const id of [blocked.body.id, extra.body.id]) {
        expect((await doctor.api.delete(`${base()}/exceptions/${id}`, { token: doctor.token })).status).toBe(200);
      }
      expect((await slotsOn(day)).length).toBe(4);
      expect((await doctor.api.delete(`${base()}/rules/${created.body.id}`, { token: doctor.token })).status).toBe(200);
    });

    it('a change that would strand a booked appointment is 409 naming it; harmless changes pass', async () => {
      const created = await doctor.api.post(`${base()}/rules`, rule(), { token: doctor.token });
      const ruleUrl = `${base()}/rules/${created.body.id}`;
      const booked = (await slotsOn(day)).find((s) => s.localStart === '11:00')!;
      const appointmentId = randomUUID();
      const release = await claimSeat(booked, appointmentId);
      try {
        const seen = (await slotsOn(day)).find((s) => s.id === booked.id);
        expect(seen).toMatchObject({ capacity: 1, booked: 1, available: 0 });

        const refusals = [
          await doctor.api.patch(ruleUrl, { endTime: '11:00' }, { token: doctor.token }),
          await doctor.api.patch(ruleUrl, { slotMinutes: 20 }, { token: doctor.token }),
          await doctor.api.patch(ruleUrl, { mode: 'ONLINE', clinicId: null }, { token: doctor.token }),
          await doctor.api.delete(ruleUrl, { token: doctor.token }),
          await doctor.api.post(`${base()}/exceptions`, { date: day, kind: 'BLOCKED' }, { token: doctor.token }),
        ];
        for (const res of refusals) {
          expect({ status: res.status, reason: res.body.reason, details: res.body.details }).toEqual({
            status: 409,
            reason: 'WOULD_STRAND_BOOKINGS',
            details: [{ field: 'appointmentIds', problem: appointmentId }],
          });
        }
        expect((await slotsOn(day)).map((s) => s.localStart)).toEqual(['10:00', '10:30', '11:00', '11:30']);

        // Still offering the booked 11:00-11:30 seat: allowed.
        const later = await doctor.api.patch(
          ruleUrl,
          { startTime: '10:30', endTime: '12:30' },
          { token: doctor.token },
        );
        expect(later.status).toBe(200);
        const morning = await doctor.api.post(
          `${base()}/exceptions`,
          { date: day, kind: 'BLOCKED', startTime: '11:30', endTime: '12:30' },
          { token: doctor.token },
        );
        expect(morning.status).toBe(201);
        expect((await slotsOn(day)).map((s) => s.localStart)).toEqual(['10:30', '11:00']);
      } finally {
        await release();
      }
      // Once the seat is released the rule can go.
      expect((await doctor.api.delete(ruleUrl, { token: doctor.token })).status).toBe(200);
    });
  });
});
