import { randomBytes } from 'node:crypto';
import type { IdentityConfig } from '../config/identity.config';
import { PiiCipher } from './pii-cipher';

const newKey = () => randomBytes(32).toString('base64');
const cipherWith = (key: string) => new PiiCipher({ PII_ENCRYPTION_KEY: key } as IdentityConfig);

/** Re-encodes one `:`-separated part after changing its bytes. */
function withPart(stored: string, index: number, change: (bytes: Buffer) => Buffer): string {
  const parts = stored.split(':');
  parts[index] = change(Buffer.from(parts[index], 'base64')).toString('base64');
  return parts.join(':');
}
const flipBit = (bit: number) => (b: Buffer) => {
  const c = Buffer.from(b);
  c[Math.floor(bit / 8) % c.length] ^= 1 << (bit % 8);
  return c;
};

describe('PiiCipher', () => {
  const cipher = cipherWith(newKey());

  it.each(['+2348000000000', '1988-03-14', '', 'ünïcødé ✓ 漢字', 'x'.repeat(10_000)])('round-trips %j', (value) => {
    const stored = cipher.encrypt(value);
    expect(stored.startsWith('v1:')).toBe(true);
    expect(stored.split(':')).toHaveLength(4);
    expect(cipher.decrypt(stored)).toBe(value);
  });

  it('does not store the plaintext', () => {
    const stored = cipher.encrypt('+2348000000000');
    expect(stored).not.toContain('2348000000000');
    expect(Buffer.from(stored.split(':')[3], 'base64').toString('utf8')).not.toContain('2348');
  });

  it('gives two encryptions of the same value different ciphertexts (random IV)', () => {
    const a = cipher.encrypt('+2348000000000');
    const b = cipher.encrypt('+2348000000000');
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(cipher.decrypt(a)).toBe(cipher.decrypt(b));
  });

  it('passes null and undefined through', () => {
    expect(cipher.encrypt(null)).toBeNull();
    expect(cipher.encrypt(undefined)).toBeNull();
    expect(cipher.decrypt(null)).toBeNull();
    expect(cipher.decrypt(undefined)).toBeNull();
  });

  describe('tampering', () => {
    const stored = cipher.encrypt('1988-03-14');

    it.each([
      ['iv', 1],
      ['tag', 2],
      ['data', 3],
    ])('a flipped bit anywhere in the %s makes decrypt throw', (_part, index) => {
      const bytes = Buffer.from(stored.split(':')[index], 'base64').length;
      for (let bit = 0; bit < bytes * 8; bit++) {
        expect(() => cipher.decrypt(withPart(stored, index, flipBit(bit)))).toThrow();
      }
    });

    it.each([4, 8, 12, 15])('a tag truncated to %i bytes makes decrypt throw', (n) => {
      expect(() => cipher.decrypt(withPart(stored, 2, (b) => b.subarray(0, n)))).toThrow();
    });

    it('truncated or extended data makes decrypt throw', () => {
      expect(() => cipher.decrypt(withPart(stored, 3, (b) => b.subarray(0, b.length - 1)))).toThrow();
      expect(() => cipher.decrypt(withPart(stored, 3, (b) => Buffer.concat([b, Buffer.from([0])])))).toThrow();
      expect(() => cipher.decrypt(withPart(stored, 3, () => Buffer.alloc(0)))).toThrow();
    });

    it('a different or missing version, or missing parts, make decrypt throw', () => {
      const [, iv, tag, data] = stored.split(':');
      expect(() => cipher.decrypt(`v2:${iv}:${tag}:${data}`)).toThrow(/Unrecognised/);
      expect(() => cipher.decrypt(`${iv}:${tag}:${data}`)).toThrow();
      expect(() => cipher.decrypt(`v1:${iv}:${tag}`)).toThrow();
      expect(() => cipher.decrypt(`v1::${tag}:${data}`)).toThrow();
      expect(() => cipher.decrypt('plain text phone')).toThrow();
    });

    it('swapping the data of two ciphertexts makes decrypt throw', () => {
      const other = cipher.encrypt('1999-12-31');
      const parts = stored.split(':');
      parts[3] = other.split(':')[3];
      expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    });
  });

  it('a different key cannot decrypt', () => {
    const stored = cipher.encrypt('+2348000000000');
    expect(() => cipherWith(newKey()).decrypt(stored)).toThrow();
  });

  it('a cipher built from the same key decrypts', () => {
    const key = newKey();
    expect(cipherWith(key).decrypt(cipherWith(key).encrypt('secret'))).toBe('secret');
  });

  describe('blindIndex', () => {
    it('is deterministic for a key', () => {
      expect(cipher.blindIndex('+2348000000000')).toBe(cipher.blindIndex('+2348000000000'));
    });

    it('differs between values', () => {
      expect(cipher.blindIndex('+2348000000000')).not.toBe(cipher.blindIndex('+2348000000001'));
      expect(cipher.blindIndex('a')).not.toBe(cipher.blindIndex('A'));
    });

    it('differs between keys and does not reveal the value', () => {
      const index = cipher.blindIndex('+2348000000000');
      expect(cipherWith(newKey()).blindIndex('+2348000000000')).not.toBe(index);
      expect(index).not.toContain('2348');
      expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/); // SHA-256, base64url
    });
  });
});
