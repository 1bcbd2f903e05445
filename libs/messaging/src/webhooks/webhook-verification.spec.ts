import { DomainError } from '../errors/domain-error';
import { BAD_SIGNATURE, assertFresh, hmacBase64, sameBase64, sameHex } from './webhook-verification';

describe('webhook verification helpers', () => {
  it('compares digests in constant time, false (not a throw) on any difference or length', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const digest = hmacBase64(key, '1700000000.{"a":1}');
    expect(sameBase64(digest, hmacBase64(key, '1700000000.{"a":1}'))).toBe(true);
    expect(sameBase64(digest, hmacBase64(key, '1700000001.{"a":1}'))).toBe(false);
    expect(sameBase64(digest, 'AAAA')).toBe(false);
    expect(sameBase64(digest, '')).toBe(false);
    expect(sameHex('ab', 'ab')).toBe(true);
    expect(sameHex('ab', 'abcd')).toBe(false);
  });

  it('refuses a signed moment outside the tolerance either way, naming the field', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(() => assertFresh('ts', new Date('2026-12-02T11:55:00Z'), now, 300)).not.toThrow();
    expect(() => assertFresh('ts', new Date('2026-12-02T12:05:00Z'), now, 300)).not.toThrow();
    for (const at of ['2026-12-02T11:54:59Z', '2026-12-02T12:05:01Z', 'invalid']) {
      let caught: unknown;
      try {
        assertFresh('ts', new Date(at), now, 300);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).options.reason).toBe(BAD_SIGNATURE);
      expect((caught as DomainError).message).toMatch(/^ts: /);
    }
  });
});
