import { dbNameOf, rawDb } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';
import { otherDoctor, treatedPatient, treatingDoctor } from './care-support';

const REASON = { 'x-access-reason': 'Complaint #5521: checking what the doctor saw' };

describe('Clinical records: medical records, consultation notes, the access log', () => {
  let doctor: Session;
  let stranger: Session;
  let admin: Session;

  beforeAll(async () => {
    [doctor, stranger, admin] = await Promise.all([treatingDoctor(), otherDoctor(), adminSession()]);
  }, 60_000);

  const record = (s: Session, patientId: string, headers?: Record<string, string>) =>
    s.api.get(`/v1/patients/${patientId}/medical-record`, { token: s.token, headers });
  const accessLog = async (p: Session) => (await p.api.get('/v1/me/access-log', { token: p.token })).body;

  it('opens a record only to treating doctors and to admins who say why, and shows the patient every read', async () => {
    const untreated = await newPatient();
    expect((await record(doctor, untreated.userId)).status).toBe(404);

    const { p, appointmentId } = await treatedPatient(doctor);
    const put = await p.api.put(
      '/v1/me/medical-record',
      { bloodGroup: 'O+', allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'SEVERE' }] },
      { token: p.token },
    );
    expect(put.status).toBe(200);
    expect(put.body.allergies).toMatchObject([{ substance: 'Penicillin', source: 'PATIENT' }]);

    const read = await record(doctor, p.userId);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ bloodGroup: 'O+', allergies: [{ substance: 'Penicillin', severity: 'SEVERE' }] });
    expect((await record(stranger, p.userId)).status).toBe(404);
    expect((await record(stranger, p.userId)).body.reason).toBe('NOT_FOUND');

    const noReason = await record(admin, p.userId);
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ reason: 'REASON_REQUIRED', details: [{ field: 'X-Access-Reason' }] });
    expect((await record(admin, p.userId, REASON)).status).toBe(200);

    // The doctor adds a diagnosis from the appointment; the patient's own rewrite keeps it.
    const added = await doctor.api.post(
      `/v1/patients/${p.userId}/medical-record/entries`,
      { appointmentId, conditions: [{ name: 'Hypertension', icd10Code: 'I10', status: 'ACTIVE' }] },
      { token: doctor.token },
    );
    expect(added.status).toBe(201);
    const rewritten = await p.api.put(
      '/v1/me/medical-record',
      { conditions: [{ name: 'Asthma', status: 'ACTIVE' }], version: added.body.version },
      { token: p.token },
    );
    expect(rewritten.status).toBe(200);
    expect(rewritten.body.conditions.map((c: { name: string; source: string }) => [c.name, c.source])).toEqual([
      ['Hypertension', 'DOCTOR'],
      ['Asthma', 'PATIENT'],
    ]);
    const stale = await p.api.put(
      '/v1/me/medical-record',
      { conditions: [], version: added.body.version },
      {
        token: p.token,
      },
    );
    expect(stale.status).toBe(409);
    // A doctor cannot add to a patient they have no appointment with, naming someone else's appointment.
    const foreign = await stranger.api.post(
      `/v1/patients/${p.userId}/medical-record/entries`,
      { appointmentId, allergies: [{ substance: 'Latex' }] },
      { token: stranger.token },
    );
    expect(foreign.status).toBe(404);

    const log = await accessLog(p);
    const doctorReads = log.items.filter((e: { readerId: string }) => e.readerId === doctor.userId);
    expect(doctorReads.length).toBeGreaterThanOrEqual(2);
    expect(doctorReads[0]).toMatchObject({ kind: 'MEDICAL_RECORD', readerRole: 'DOCTOR', breakGlass: false });
    expect(log.items).toContainEqual(
      expect.objectContaining({ readerId: admin.userId, breakGlass: true, reason: REASON['x-access-reason'] }),
    );
    expect(log.items.some((e: { readerId: string }) => e.readerId === stranger.userId)).toBe(false);
    expect((await accessLog(stranger)).items).toEqual([]);
  });

  it('validates what is written, naming the field', async () => {
    const p = await newPatient();
    const bad = await p.api.put(
      '/v1/me/medical-record',
      { bloodGroup: 'Z', conditions: [{ name: 'x', status: 'MAYBE' }] },
      { token: p.token },
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['bloodGroup', 'conditions.0.status']));
    expect((await p.api.get('/v1/me/medical-record', { token: p.token })).body).toMatchObject({
      version: 0,
      conditions: [],
    });
    const vitals = await p.api.post(
      '/v1/me/medical-record/vitals',
      { vitals: [{ measuredAt: new Date().toISOString(), systolicMmHg: 128, diastolicMmHg: 84 }] },
      { token: p.token },
    );
    expect(vitals.status).toBe(201);
    expect(vitals.body.vitals).toMatchObject([{ systolicMmHg: 128, diastolicMmHg: 84, source: 'PATIENT' }]);
  });

  it('drafts, signs and amends a note; a signed note is final; strangers see nothing', async () => {
    const { p, appointmentId } = await treatedPatient(doctor);
    const notes = `/v1/appointments/${appointmentId}/notes`;
    const soap = {
      subjective: 'Headache for three days, worse in the morning',
      assessment: 'Tension-type headache',
      diagnoses: [{ code: 'G44.2', description: 'Tension-type headache' }],
      plan: 'Paracetamol 1 g as needed; sleep hygiene',
      followUpInDays: 14,
    };
    const badCode = await doctor.api.post(
      notes,
      { diagnoses: [{ code: 'headache', description: 'x' }] },
      {
        token: doctor.token,
      },
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.details.map((d: { field: string }) => d.field)).toContain('diagnoses.0.code');
    expect((await stranger.api.post(notes, soap, { token: stranger.token })).status).toBe(404);

    const created = await doctor.api.post(notes, soap, { token: doctor.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', ...soap, patientId: p.userId });
    const id = created.body.id as string;
    expect((await doctor.api.post(notes, soap, { token: doctor.token })).body.reason).toBe('NOTE_EXISTS');
    // A draft is the author's alone.
    expect((await p.api.get(notes, { token: p.token })).body).toEqual([]);
    expect((await p.api.get(`/v1/notes/${id}`, { token: p.token })).status).toBe(404);

    const edited = await doctor.api.patch(
      `/v1/notes/${id}`,
      { objective: 'BP 128/84, no focal signs' },
      {
        token: doctor.token,
      },
    );
    expect(edited.body).toMatchObject({ objective: 'BP 128/84, no focal signs', subjective: soap.subjective });
    const stale = await doctor.api.post(
      `/v1/notes/${id}/sign`,
      { version: created.body.version },
      {
        token: doctor.token,
      },
    );
    expect(stale.status).toBe(409);
    const signed = await doctor.api.post(
      `/v1/notes/${id}/sign`,
      { version: edited.body.version },
      {
        token: doctor.token,
      },
    );
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'SIGNED', signedAt: expect.any(String) });

    const late = await doctor.api.patch(`/v1/notes/${id}`, { plan: 'changed' }, { token: doctor.token });
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe('NOTE_SIGNED');
    expect((await p.api.post(`/v1/notes/${id}/addenda`, { text: 'x', reason: 'y' }, { token: p.token })).status).toBe(
      403,
    );
    const amended = await doctor.api.post(
      `/v1/notes/${id}/addenda`,
      { text: 'Also advised an eye test', reason: 'Omitted at signing' },
      { token: doctor.token },
    );
    expect(amended.status).toBe(201);
    expect(amended.body.addenda).toMatchObject([
      { text: 'Also advised an eye test', reason: 'Omitted at signing', authorId: doctor.userId },
    ]);
    expect(amended.body.plan).toBe(soap.plan);

    // The patient reads the signed note; a stranger gets 404, like a note that does not exist.
    const mine = await p.api.get(`/v1/notes/${id}`, { token: p.token });
    expect(mine.status).toBe(200);
    expect(mine.body.addenda).toHaveLength(1);
    expect((await stranger.api.get(`/v1/notes/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await stranger.api.get(notes, { token: stranger.token })).body).toEqual([]);
    const other = await newPatient();
    expect((await other.api.get(`/v1/notes/${id}`, { token: other.token })).status).toBe(404);
  });

  it('keeps notes, records and reasons encrypted: a raw dump shows none of them (canary search)', async () => {
    const { p, appointmentId } = await treatedPatient(doctor);
    const canaries = {
      allergy: 'Canaryxolam-7731',
      condition: 'Canary syndrome 4410',
      note: 'Canary complaint of a humming left ear',
      addendum: 'Canary addendum 9931',
      reason: 'Canary audit reason 5521',
    };
    await p.api.put(
      '/v1/me/medical-record',
      { allergies: [{ substance: canaries.allergy }], conditions: [{ name: canaries.condition, status: 'ACTIVE' }] },
      { token: p.token },
    );
    const note = await doctor.api.post(
      `/v1/appointments/${appointmentId}/notes`,
      { subjective: canaries.note, assessment: 'x' },
      { token: doctor.token },
    );
    await doctor.api.post(`/v1/notes/${note.body.id}/sign`, {}, { token: doctor.token });
    await doctor.api.post(
      `/v1/notes/${note.body.id}/addenda`,
      { text: canaries.addendum, reason: 'r' },
      { token: doctor.token },
    );
    await record(admin, p.userId, { 'x-access-reason': canaries.reason });
    expect((await p.api.get(`/v1/notes/${note.body.id}`, { token: p.token })).body.subjective).toBe(canaries.note);

    const { db, close } = await rawDb(dbNameOf('teleconsultation'));
    const hits: string[] = [];
    for (const { name } of await db.listCollections().toArray())
      for (const doc of await db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc);
        for (const [what, canary] of Object.entries(canaries)) if (text.includes(canary)) hits.push(`${name}: ${what}`);
      }
    await close();
    expect(hits).toEqual([]);
  });
});
