import { createHash } from 'node:crypto';
import { sampleFile } from '@telehealth/testing';
import { newPatient, type Session } from '../support/actors';
import { uploadedFile } from '../files/upload-support';
import { treatedPatient, treatingDoctor } from './care-support';

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Uploaded prescriptions (seed 001 doctor_prescriptions): a file on the object store, linked and signed', () => {
  let doctor: Session;

  beforeAll(async () => {
    doctor = await treatingDoctor();
  }, 60_000);

  it('the doctor uploads a scanned prescription for the patient, issues it, and the patient downloads it', async () => {
    const { p, appointmentId } = await treatedPatient(doctor);
    const scan = sampleFile('application/pdf', 80_000);
    const fileId = await uploadedFile(doctor, 'application/pdf', scan, 'PRESCRIPTION', { patientId: p.userId });

    // Another purpose, or a file that is not the doctor's, is refused; nothing is created.
    const note = await uploadedFile(doctor, 'application/pdf', sampleFile('application/pdf'), 'MEDICAL_DOCUMENT', {
      patientId: p.userId,
    });
    const wrong = await doctor.api.post(
      '/v1/prescriptions',
      { appointmentId, kind: 'UPLOADED', fileId: note },
      { token: doctor.token },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'fileId' })]);
    const stranger = await newPatient();
    const theirs = await uploadedFile(stranger, 'application/pdf', sampleFile('application/pdf'), 'PRESCRIPTION');
    const borrowed = await doctor.api.post(
      '/v1/prescriptions',
      { appointmentId, kind: 'UPLOADED', fileId: theirs },
      { token: doctor.token },
    );
    expect(borrowed.status).toBe(404);

    const created = await doctor.api.post(
      '/v1/prescriptions',
      { appointmentId, kind: 'UPLOADED', fileId },
      { token: doctor.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'UPLOADED', fileId, status: 'DRAFT' });
    const signed = await doctor.api.post(`/v1/prescriptions/${created.body.id}/sign`, {}, { token: doctor.token });
    expect(signed.status).toBe(200);

    const mine = await p.api.get(`/v1/prescriptions/${created.body.id}`, { token: p.token });
    expect(mine.body).toMatchObject({ kind: 'UPLOADED', fileId });
    const got = await p.api.get(`/v1/files/${fileId}`, { token: p.token });
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await (await fetch(got.body.download.url)).arrayBuffer()))).toBe(sha256(scan));
    expect((await stranger.api.get(`/v1/files/${fileId}`, { token: stranger.token })).status).toBe(404);
    // The file is in use: its owner cannot delete it from under the prescription.
    expect((await doctor.api.delete(`/v1/files/${fileId}`, { token: doctor.token })).body.reason).toBe('FILE_IN_USE');
  });
});
