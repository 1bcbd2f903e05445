import { ErrorCode, isWireError, type ErrorReason } from '@telehealth/contracts';
import { DomainError, RpcCallError } from './domain-error';

describe('DomainError', () => {
  it('is an Error named DomainError', () => {
    const e = DomainError.notFound('User');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe('DomainError');
  });

  it('invalid: VALIDATION_FAILED with the field in message and details', () => {
    const e = DomainError.invalid('dateOfBirth', 'must be in the past');
    expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(e.toWire()).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      message: 'dateOfBirth: must be in the past',
      reason: 'VALIDATION_FAILED',
      details: [{ field: 'dateOfBirth', problem: 'must be in the past' }],
    });
    expect(DomainError.invalid('f', 'p', 'CUSTOM' as ErrorReason).options.reason).toBe('CUSTOM');
  });

  it.each([
    [
      DomainError.notFound('Dependent'),
      { code: ErrorCode.NOT_FOUND, message: 'Dependent not found', reason: 'NOT_FOUND' },
    ],
    [
      DomainError.conflict('Email taken', 'EMAIL_TAKEN'),
      { code: ErrorCode.CONFLICT, message: 'Email taken', reason: 'EMAIL_TAKEN' },
    ],
    [DomainError.forbidden(), { code: ErrorCode.FORBIDDEN, message: 'Not allowed', reason: 'FORBIDDEN' }],
    [
      DomainError.forbidden('Admins only', 'NOT_ADMIN' as ErrorReason),
      { code: ErrorCode.FORBIDDEN, message: 'Admins only', reason: 'NOT_ADMIN' },
    ],
    [
      DomainError.unauthenticated('Bad token'),
      { code: ErrorCode.UNAUTHENTICATED, message: 'Bad token', reason: 'UNAUTHENTICATED' },
    ],
    [
      DomainError.unauthenticated('Locked', 'ACCOUNT_LOCKED'),
      { code: ErrorCode.UNAUTHENTICATED, message: 'Locked', reason: 'ACCOUNT_LOCKED' },
    ],
    [
      DomainError.unprocessable('Slot gone', 'SLOT_TAKEN' as ErrorReason),
      { code: ErrorCode.UNPROCESSABLE, message: 'Slot gone', reason: 'SLOT_TAKEN' },
    ],
    [
      DomainError.rateLimited('Slow down', 30),
      { code: ErrorCode.RATE_LIMITED, message: 'Slow down', reason: 'RATE_LIMITED', retryAfterSeconds: 30 },
    ],
    [
      DomainError.rateLimited('Too many codes', 5, 'CODE_RATE' as ErrorReason),
      { code: ErrorCode.RATE_LIMITED, message: 'Too many codes', reason: 'CODE_RATE', retryAfterSeconds: 5 },
    ],
  ])('%s has wire form %j', (err, wire) => {
    expect(err.toWire()).toEqual(wire);
    expect(err.code).toBe(wire.code);
    expect(err.message).toBe(wire.message);
  });

  it('toWire is a plain, JSON-safe WireError without a stack', () => {
    const wire = new DomainError(ErrorCode.UNAVAILABLE, 'Try later', { retryAfterSeconds: 2 }).toWire();
    expect(isWireError(wire)).toBe(true);
    expect(JSON.parse(JSON.stringify(wire))).toEqual({
      code: 'UNAVAILABLE',
      message: 'Try later',
      retryAfterSeconds: 2,
    });
    expect(wire).not.toHaveProperty('stack');
    expect(new DomainError(ErrorCode.INTERNAL, 'x').toWire()).toEqual({ code: 'INTERNAL', message: 'x' });
  });
});

describe('RpcCallError', () => {
  it('carries the wire error and its message', () => {
    const wire = DomainError.notFound('User').toWire();
    const e = new RpcCallError(wire);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RpcCallError');
    expect(e.message).toBe('User not found');
    expect(e.wire).toBe(wire);
  });
});
