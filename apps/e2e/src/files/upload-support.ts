import type { Session } from '../support/actors';

/**
 * A confirmed file of `who` (`extra`: e.g. the `patientId` a doctor uploads for): asked for through the gateway, its bytes PUT straight to the object
 * store with the presigned URL, then confirmed, as a client does.
 */
export async function uploadedFile(
  who: Session,
  contentType: string,
  bytes: Buffer,
  purpose: string,
  extra: Record<string, unknown> = {},
) {
  const asked = await who.api.post(
    '/v1/files',
    { name: 'attachment', contentType, size: bytes.length, purpose, ...extra },
    { token: who.token },
  );
  if (asked.status !== 201) throw new Error(`upload request: ${asked.status} ${JSON.stringify(asked.body)}`);
  const put = await fetch(asked.body.upload.url, { method: 'PUT', headers: asked.body.upload.headers, body: bytes });
  if (put.status !== 200) throw new Error(`PUT to the object store: ${put.status}`);
  const id = asked.body.file.id as string;
  const confirmed = await who.api.post(`/v1/files/${id}/confirm`, undefined, { token: who.token });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return id;
}
