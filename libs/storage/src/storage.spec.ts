import { FilePurpose } from '@telehealth/contracts';
import { ConfigError, loadConfig } from '@telehealth/config';
import { sampleFile } from '@telehealth/testing';
import { contentDisposition } from './object-store';
import { MIME, PURPOSE_TYPES, objectKeys, purposeRules } from './purposes';
import { sniffType } from './sniff';
import { S3_DEV_CREDENTIALS, StorageConfig, validateStorage } from './storage.config';

describe('purposes', () => {
  const rules = purposeRules(new StorageConfig());

  it('takes the types the issue names for each purpose', () => {
    expect(PURPOSE_TYPES[FilePurpose.MEDICAL_DOCUMENT]).toEqual([MIME.PDF, MIME.JPEG, MIME.PNG]);
    expect(PURPOSE_TYPES[FilePurpose.PRESCRIPTION]).toEqual([MIME.PDF, MIME.JPEG, MIME.PNG]);
    expect(PURPOSE_TYPES[FilePurpose.MESSAGE_ATTACHMENT]).toEqual([MIME.PDF, MIME.JPEG, MIME.PNG, MIME.WEBP]);
    expect(PURPOSE_TYPES[FilePurpose.AVATAR]).toEqual([MIME.JPEG, MIME.PNG, MIME.WEBP]);
    expect(PURPOSE_TYPES[FilePurpose.SCAN]).toEqual(
      expect.arrayContaining([MIME.JPEG, MIME.PNG, MIME.DICOM, MIME.GLB]),
    );
    expect(PURPOSE_TYPES[FilePurpose.AVATAR]).not.toContain(MIME.PDF);
  });

  it('takes each size limit from its setting, in MB', () => {
    expect(rules[FilePurpose.AVATAR].maxBytes).toBe(5 * 1024 * 1024);
    expect(rules[FilePurpose.SCAN].maxBytes).toBe(200 * 1024 * 1024);
    const small = purposeRules(Object.assign(new StorageConfig(), { FILE_MAX_MB_PRESCRIPTION: 2 }));
    expect(small[FilePurpose.PRESCRIPTION].maxBytes).toBe(2 * 1024 * 1024);
  });
});

describe('object keys', () => {
  const id = '3f1c7e1a-8d7b-4b8e-9a55-1f0d2c3b4a59';
  const sha = 'ab'.repeat(32);

  it('puts an upload under uploads/ and a confirmed file under purpose, year, month, id and hash', () => {
    expect(objectKeys.upload('teleconsultation', id)).toBe(`teleconsultation/uploads/${id}`);
    expect(
      objectKeys.stored('teleconsultation', FilePurpose.MEDICAL_DOCUMENT, new Date('2026-03-31T23:30:00Z'), id, sha),
    ).toBe(`teleconsultation/medical-document/2026/03/${id}/${sha}`);
  });

  it('never differs between two confirms of the same bytes, and always between different bytes', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(objectKeys.stored('t', FilePurpose.SCAN, at, id, sha)).toBe(
      objectKeys.stored('t', FilePurpose.SCAN, at, id, sha),
    );
    expect(objectKeys.stored('t', FilePurpose.SCAN, at, id, sha)).not.toBe(
      objectKeys.stored('t', FilePurpose.SCAN, at, id, 'cd'.repeat(32)),
    );
  });
});

describe('sniffType (file-type, from the bytes)', () => {
  it.each([MIME.PDF, MIME.PNG, MIME.JPEG, MIME.WEBP, MIME.DICOM, MIME.GLB])('recognises %s', async (type) => {
    expect((await sniffType(sampleFile(type)))?.mime).toBe(type);
  });

  it('recognises nothing in plain text, whatever it is called', async () => {
    expect(await sniffType(sampleFile('text/plain'))).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name', () => {
    expect(contentDisposition('résultat "final".pdf')).toBe(
      `attachment; filename="r_sultat _final_.pdf"; filename*=UTF-8''r%C3%A9sultat%20%22final%22.pdf`,
    );
  });
});

describe('storage settings', () => {
  it('accept the development defaults outside production', () => {
    expect(loadConfig(StorageConfig, {}).S3_BUCKET).toBe('telehealth-files');
  });

  it('refuse the development secret and a plain-http client endpoint in production, naming each', () => {
    const config = Object.assign(new StorageConfig(), { NODE_ENV: 'production', S3_ENDPOINT: 'http://seaweedfs:8333' });
    expect(() => validateStorage(config)).toThrow(ConfigError);
    try {
      validateStorage(config);
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'S3_SECRET_ACCESS_KEY',
        'S3_PUBLIC_ENDPOINT',
      ]);
    }
    expect(() =>
      validateStorage(
        Object.assign(new StorageConfig(), {
          NODE_ENV: 'production',
          S3_ENDPOINT: 'http://seaweedfs:8333',
          S3_PUBLIC_ENDPOINT: 'https://files.example.com',
          S3_SECRET_ACCESS_KEY: 'a-real-secret-from-the-vault-0123',
        }),
      ),
    ).not.toThrow();
    // A client on the same machine (docker compose) may reach it over plain http.
    expect(() =>
      validateStorage(
        Object.assign(new StorageConfig(), {
          NODE_ENV: 'production',
          S3_PUBLIC_ENDPOINT: 'http://localhost:8333',
          S3_SECRET_ACCESS_KEY: 'compose-only-s3-secret-0123456789',
        }),
      ),
    ).not.toThrow();
    expect(S3_DEV_CREDENTIALS.S3_ACCESS_KEY_ID).toBe('telehealth-dev');
  });
});
