import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM for sensitive fields at rest (PII, medical text). Stored as
 * `v1:<iv>:<tag>:<ciphertext>` in base64 so the key can be rotated by version later.
 * `blindIndex` gives an HMAC for exact-match lookups without storing the plaintext. Each service
 * holds its own key (identity's PII_ENCRYPTION_KEY, teleconsultation's MEDICAL_ENCRYPTION_KEY).
 */
export class FieldCipher {
  private readonly key: Buffer;

  /** `keyBase64`: 32 random bytes, base64 (`openssl rand -base64 32`). */
  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('A field cipher key must be 32 bytes (base64)');
  }

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined) return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const [version, iv, tag, data] = stored.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unrecognised field ciphertext');
    // A fixed tag length: otherwise a truncated (down to 4-byte) tag would be accepted.
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.key).update(`blind:${value}`).digest('base64url');
  }
}
