import { newNumericCode, newSecret, sameHash, sha256 } from './secrets';

describe('newNumericCode', () => {
  it('is always exactly 6 digits, zero-padded', () => {
    const codes = Array.from({ length: 5_000 }, newNumericCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // About 10% of codes are below 100000: they must have been padded, not shortened.
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('is random', () => {
    const codes = new Set(Array.from({ length: 200 }, newNumericCode));
    expect(codes.size).toBeGreaterThan(190);
  });
});

describe('newSecret', () => {
  it('is URL-safe and as long as requested', () => {
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(newSecret(16), 'base64url')).toHaveLength(16);
    expect(newSecret()).not.toBe(newSecret());
  });
});

describe('sameHash', () => {
  it('is true for equal hashes', () => {
    expect(sameHash(sha256('token'), sha256('token'))).toBe(true);
  });

  it('is false for different hashes of the same length', () => {
    expect(sha256('token')).toHaveLength(sha256('other').length);
    expect(sameHash(sha256('token'), sha256('other'))).toBe(false);
  });

  it('is false (and does not throw) for different lengths', () => {
    expect(sameHash(sha256('token'), sha256('token').slice(0, -1))).toBe(false);
    expect(sameHash('', 'a')).toBe(false);
  });
});

describe('sha256', () => {
  it('is deterministic base64url and differs between inputs', () => {
    expect(sha256('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(sha256('abc')).not.toBe(sha256('abd'));
  });
});
