import { BadRequestException, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@telehealth/contracts';
import { DomainError, RpcCallError } from '@telehealth/messaging';
import { describeError } from './http-exception.filter';

describe('describeError', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it.each([
    [ErrorCode.VALIDATION_FAILED, 400],
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.PAYLOAD_TOO_LARGE, 413],
    [ErrorCode.UNPROCESSABLE, 422],
    [ErrorCode.RATE_LIMITED, 429],
    [ErrorCode.UNAVAILABLE, 503],
    [ErrorCode.INTERNAL, 500],
  ])('an RpcCallError with %s is status %i', (code, status) => {
    expect(describeError(new RpcCallError({ code, message: 'm' })).status).toBe(status);
  });

  it('keeps message, reason and details of an RpcCallError', () => {
    const wire = DomainError.invalid('email', 'is taken', 'EMAIL_TAKEN').toWire();
    expect(describeError(new RpcCallError(wire))).toEqual({
      status: 400,
      message: 'email: is taken',
      reason: 'EMAIL_TAKEN',
      details: [{ field: 'email', problem: 'is taken' }],
      retryAfterSeconds: undefined,
    });
  });

  it('passes retryAfterSeconds through from an RpcCallError', () => {
    const d = describeError(new RpcCallError(DomainError.rateLimited('Too many attempts', 42).toWire()));
    expect(d).toMatchObject({
      status: 429,
      message: 'Too many attempts',
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 42,
    });
  });

  it('describes an HttpException with a string body', () => {
    expect(describeError(new HttpException('Gone fishing', HttpStatus.SERVICE_UNAVAILABLE))).toEqual({
      status: 503,
      message: 'Gone fishing',
    });
  });

  it('describes an HttpException with an object body (message, details, reason, retryAfterSeconds)', () => {
    const details = [{ field: 'email', problem: 'must be a valid email address' }];
    const err = new BadRequestException({ message: 'Invalid input: email', details, reason: 'VALIDATION_FAILED' });
    expect(describeError(err)).toEqual({
      status: 400,
      message: 'Invalid input: email',
      details,
      reason: 'VALIDATION_FAILED',
      retryAfterSeconds: undefined,
    });

    const limited = new HttpException({ message: 'Slow down', reason: 'RATE_LIMITED', retryAfterSeconds: 12 }, 429);
    expect(describeError(limited)).toMatchObject({
      status: 429,
      message: 'Slow down',
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 12,
    });
  });

  it('joins an array message of an HttpException', () => {
    const err = new BadRequestException(['email must be an email', 'password is too short']);
    expect(describeError(err)).toMatchObject({ status: 400, message: 'email must be an email; password is too short' });
  });

  it('uses the built-in body of a Nest exception', () => {
    expect(describeError(new NotFoundException())).toMatchObject({ status: 404, message: 'Not Found' });
    expect(describeError(new NotFoundException('No such route'))).toMatchObject({
      status: 404,
      message: 'No such route',
    });
  });

  it('falls back to the exception message when an object body has none', () => {
    const err = new HttpException({ reason: 'X' }, 409);
    const d = describeError(err);
    expect(d.status).toBe(409);
    expect(d.message).toBe(err.message);
    expect(d.reason).toBe('X');
  });

  it('describes a Fastify body-too-large error as 413 with a friendly message', () => {
    const err = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(describeError(err)).toEqual({
      status: 413,
      message: 'Request body is larger than the allowed limit',
      reason: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
  });

  it('describes a Fastify unsupported media type error as 415', () => {
    const err = Object.assign(new Error('Unsupported Media Type: text/plain'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    expect(describeError(err)).toEqual({
      status: 415,
      message: 'Unsupported Media Type: text/plain',
      reason: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  });

  it('describes a Fastify JSON parse error as 400', () => {
    const err = Object.assign(new SyntaxError('Unexpected token } in JSON'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(describeError(err)).toMatchObject({ status: 400, reason: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it.each([
    ['a plain Error', new Error('ECONNREFUSED mongodb://admin:pw@10.0.0.1')],
    ['an error claiming a 5xx statusCode', Object.assign(new Error('upstream secret detail'), { statusCode: 502 })],
    ['a string', 'something broke'],
    ['null', null],
    ['undefined', undefined],
  ])('describes %s as a generic 500 without its details', (_what, err) => {
    const d = describeError(err);
    expect(d).toEqual({ status: 500, message: 'Internal server error' });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('does not treat a DomainError thrown directly in the gateway as a client error', () => {
    // DomainError is a service-side type; in the gateway it is a programming error.
    expect(describeError(DomainError.notFound('User'))).toEqual({ status: 500, message: 'Internal server error' });
  });
});
