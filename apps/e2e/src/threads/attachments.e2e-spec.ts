import { createHash } from 'node:crypto';
import { sampleFile } from '@telehealth/testing';
import { newPatient, type Session } from '../support/actors';
import { uploadedFile } from '../files/upload-support';
import { THREE_SEAT_DOCTOR } from '../scheduling/booking-support';
import { treatedPatient, treatingDoctor } from '../teleconsultation/care-support';

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Message attachments: files on the object store, read by the two sides of the thread', () => {
  let doctor: Session;

  beforeAll(async () => {
    doctor = await treatingDoctor();
  }, 60_000);

  it('a patient attaches a photo; the doctor downloads it; a stranger and someone else’s file are refused', async () => {
    const { p } = await treatedPatient(doctor);
    const thread = await p.api.post('/v1/threads', { doctorId: THREE_SEAT_DOCTOR }, { token: p.token });
    expect(thread.status).toBe(200);
    const photo = sampleFile('image/png', 50_000);
    const fileId = await uploadedFile(p, 'image/png', photo, 'MESSAGE_ATTACHMENT');

    const posted = await p.api.post(
      `/v1/threads/${thread.body.id}/messages`,
      { text: 'The rash this morning', attachmentIds: [fileId] },
      { token: p.token },
    );
    expect(posted.status).toBe(201);
    expect(posted.body.attachmentIds).toEqual([fileId]);

    const got = await doctor.api.get(`/v1/files/${fileId}`, { token: doctor.token });
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(got.body.download.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(photo));

    const stranger = await newPatient();
    expect((await stranger.api.get(`/v1/files/${fileId}`, { token: stranger.token })).status).toBe(404);
    // Attaching a file one does not own, or one of another purpose, is refused and posts nothing.
    const theirs = await uploadedFile(stranger, 'image/png', sampleFile('image/png'), 'MESSAGE_ATTACHMENT');
    const borrowed = await p.api.post(
      `/v1/threads/${thread.body.id}/messages`,
      { text: 'x', attachmentIds: [theirs] },
      { token: p.token },
    );
    expect(borrowed.status).toBe(404);
    const document = await uploadedFile(p, 'application/pdf', sampleFile('application/pdf'), 'MEDICAL_DOCUMENT');
    const wrongPurpose = await p.api.post(
      `/v1/threads/${thread.body.id}/messages`,
      { attachmentIds: [document] },
      { token: p.token },
    );
    expect(wrongPurpose.status).toBeGreaterThanOrEqual(400);
    expect(wrongPurpose.status).toBeLessThan(500);
    const messages = await p.api.get(`/v1/threads/${thread.body.id}/messages`, { token: p.token });
    expect(messages.body.total).toBe(1);
  });
});
