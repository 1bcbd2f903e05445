import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const req = (value?: string | string[]): IncomingMessage =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;

describe('requestIdOf', () => {
  it.each(['abcdefgh', 'req-123_ABC.def:456', '3f0c1a9e-5b7d-4c2e-9f11-0a1b2c3d4e5f', 'x'.repeat(128)])(
    'keeps the well-formed incoming id %j',
    (id) => {
      expect(requestIdOf(req(id))).toBe(id);
    },
  );

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(129)],
    ['empty', ''],
    ['with a space', 'abc def 123'],
    ['with a trailing newline', 'abcdefgh\n'],
    ['with a header-injection attempt', 'abcdefgh\r\nSet-Cookie: x=1'],
    ['with a slash', 'abcd/efgh/ijk'],
    ['with non-ASCII', 'abcdéfghij'],
    ['with HTML', '<script>alert(1)</script>'],
  ])('replaces an id that is %s with a UUID', (_why, id) => {
    const out = requestIdOf(req(id));
    expect(out).toMatch(UUID);
    expect(out).not.toBe(id);
  });

  it('makes a UUID when the header is missing or repeated', () => {
    expect(requestIdOf(req())).toMatch(UUID);
    expect(requestIdOf(req(['abcdefgh1', 'abcdefgh2']))).toMatch(UUID);
  });

  it('makes a fresh id for each request', () => {
    expect(requestIdOf(req())).not.toBe(requestIdOf(req()));
  });
});
