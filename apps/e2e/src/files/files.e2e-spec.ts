import { createHash } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { TEST_S3, sampleFile } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const s3 = new S3Client({
  endpoint: TEST_S3.S3_ENDPOINT,
  region: TEST_S3.S3_REGION,
  forcePathStyle: true,
  credentials: { accessKeyId: TEST_S3.S3_ACCESS_KEY_ID, secretAccessKey: TEST_S3.S3_SECRET_ACCESS_KEY },
});

/** Every key in the run's bucket that names the file. */
async function keysOf(fileId: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: TEST_S3.S3_BUCKET, Prefix: 'teleconsultation/' }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '').filter((k) => k.includes(fileId));
}

/** Asks for an upload through the gateway and PUTs the bytes straight to the object store, as a client does. */
async function upload(who: Session, contentType: string, bytes: Buffer, purpose = 'MEDICAL_DOCUMENT') {
  const asked = await who.api.post(
    '/v1/files',
    { name: 'lab result.pdf', contentType, size: bytes.length, purpose },
    { token: who.token },
  );
  expect(asked.status).toBe(201);
  const put = await fetch(asked.body.upload.url, { method: 'PUT', headers: asked.body.upload.headers, body: bytes });
  expect(put.status).toBe(200);
  return asked.body.file.id as string;
}

describe('Files on the object store, through the gateway', () => {
  let patient: Session;
  let stranger: Session;

  beforeAll(async () => {
    [patient, stranger] = await Promise.all([newPatient(), newPatient()]);
  });

  afterAll(() => s3.destroy());

  it('presigned upload -> confirm -> the owner downloads the same bytes; a stranger gets 404', async () => {
    const bytes = sampleFile('application/pdf', 200_000);
    const id = await upload(patient, 'application/pdf', bytes);

    const confirmed = await patient.api.post(`/v1/files/${id}/confirm`, undefined, { token: patient.token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id, status: 'READY', size: bytes.length, sha256: sha256(bytes) });

    const got = await patient.api.get(`/v1/files/${id}`, { token: patient.token });
    expect(got.status).toBe(200);
    expect(got.body.file).toMatchObject({ id, name: 'lab result.pdf', contentType: 'application/pdf' });
    const downloaded = await fetch(got.body.download.url);
    expect(downloaded.status).toBe(200);
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(bytes));

    expect((await stranger.api.get(`/v1/files/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await stranger.api.delete(`/v1/files/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await stranger.api.post(`/v1/files/${id}/confirm`, undefined, { token: stranger.token })).status).toBe(404);
  });

  it('refuses bytes that are not the declared type, and removes them from the bucket', async () => {
    const id = await upload(patient, 'application/pdf', sampleFile('text/plain', 3000));
    expect(await keysOf(id)).toHaveLength(1);

    const confirmed = await patient.api.post(`/v1/files/${id}/confirm`, undefined, { token: patient.token });
    expect(confirmed.status).toBe(422);
    expect(confirmed.body.reason).toBe('FILE_CONTENT_REJECTED');
    expect(await keysOf(id)).toEqual([]);
  });

  it("refuses a declared size over the purpose's limit with 400 naming size", async () => {
    const res = await patient.api.post(
      '/v1/files',
      { name: 'me.png', contentType: 'image/png', size: 6 * 1024 * 1024, purpose: 'AVATAR' },
      { token: patient.token },
    );
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('FILE_TOO_LARGE');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['size']);
  });

  it("lets an admin read a patient's file only with a stated reason, which the patient sees", async () => {
    const id = await upload(patient, 'image/png', sampleFile('image/png'), 'SCAN');
    expect((await patient.api.post(`/v1/files/${id}/confirm`, undefined, { token: patient.token })).status).toBe(200);
    const admin = await adminSession();

    const without = await admin.api.get(`/v1/files/${id}`, { token: admin.token });
    expect(without.status).toBe(400);
    expect(without.body.reason).toBe('REASON_REQUIRED');

    const reason = 'Support ticket 5531: the patient asked us to check the scan';
    const withReason = await admin.api.get(`/v1/files/${id}`, {
      token: admin.token,
      headers: { 'x-access-reason': reason },
    });
    expect(withReason.status).toBe(200);
    const log = await patient.api.get('/v1/me/access-log', { token: patient.token });
    expect(log.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'FILE', resourceId: id, reason, breakGlass: true })]),
    );
  });
});
