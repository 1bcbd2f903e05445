import { ErrorCode } from '@telehealth/contracts';
import { statusName, statusOf } from './status-of';

const EXPECTED: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNPROCESSABLE]: 422,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};

describe('statusOf', () => {
  it.each(Object.values(ErrorCode))('maps %s to its documented status', (code) => {
    expect(statusOf(code)).toBe(EXPECTED[code]);
  });

  it('throws on a code it does not know', () => {
    expect(() => statusOf('TEAPOT' as ErrorCode)).toThrow(/Unmapped error code TEAPOT/);
  });
});

describe('statusName', () => {
  it('names every status statusOf can produce', () => {
    for (const code of Object.values(ErrorCode)) expect(statusName(statusOf(code))).not.toBe('Error');
  });

  it.each([
    [400, 'Bad Request'],
    [413, 'Payload Too Large'],
    [415, 'Unsupported Media Type'],
    [429, 'Too Many Requests'],
    [503, 'Service Unavailable'],
    [418, 'Error'],
  ])('%i is %s', (status, name) => {
    expect(statusName(status)).toBe(name);
  });
});
