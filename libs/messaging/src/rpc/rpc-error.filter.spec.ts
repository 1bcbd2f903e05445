import { Logger, type ArgumentsHost } from '@nestjs/common';
import { lastValueFrom, type Observable } from 'rxjs';
import { ErrorCode } from '@telehealth/contracts';
import { DomainError, RpcCallError } from '../errors/domain-error';
import { RpcErrorFilter } from './rpc-error.filter';

function hostOf(type: string, subject = 'rpc.identity.users.get.v1'): ArgumentsHost {
  const context = { getSubject: () => subject };
  return {
    getType: () => type,
    getArgs: () => [{}, context],
    getArgByIndex: (i: number) => [{}, context][i],
    switchToRpc: () => ({ getData: () => ({}), getContext: () => context }),
    switchToHttp: () => {
      throw new Error('not http');
    },
    switchToWs: () => {
      throw new Error('not ws');
    },
  } as unknown as ArgumentsHost;
}

async function errorOf(result: Observable<never> | void): Promise<unknown> {
  expect(result).toBeDefined();
  try {
    await lastValueFrom(result as Observable<never>);
  } catch (err) {
    return err;
  }
  throw new Error('expected the observable to error');
}

describe('RpcErrorFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('turns a DomainError into an observable erroring with its wire form', async () => {
    const err = DomainError.conflict('Email already registered', 'EMAIL_TAKEN');
    const wire = await errorOf(new RpcErrorFilter().catch(err, hostOf('rpc')));
    expect(wire).toEqual({ code: ErrorCode.CONFLICT, message: 'Email already registered', reason: 'EMAIL_TAKEN' });
    expect(wire).not.toBeInstanceOf(Error);
    expect(logged).not.toHaveBeenCalled();
  });

  it('keeps details and retryAfterSeconds of a DomainError', async () => {
    const wire = await errorOf(new RpcErrorFilter().catch(DomainError.invalid('email', 'bad'), hostOf('rpc')));
    expect(wire).toEqual(DomainError.invalid('email', 'bad').toWire());
    const limited = await errorOf(new RpcErrorFilter().catch(DomainError.rateLimited('slow', 7), hostOf('rpc')));
    expect(limited).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 7 });
  });

  it("relays a called service's NOT_FOUND and UNAVAILABLE as they came (not a 500); other call errors stay INTERNAL", async () => {
    const missing = { code: ErrorCode.NOT_FOUND, message: 'Dependent not found', reason: 'NOT_FOUND' as const };
    expect(await errorOf(new RpcErrorFilter().catch(new RpcCallError(missing), hostOf('rpc')))).toEqual(missing);
    const busy = { code: ErrorCode.UNAVAILABLE, message: 'identity is not reachable', retryAfterSeconds: 1 };
    expect(await errorOf(new RpcErrorFilter().catch(new RpcCallError(busy), hostOf('rpc')))).toEqual(busy);
    const refused = new RpcCallError({ code: ErrorCode.FORBIDDEN, message: 'internal only' });
    expect(await errorOf(new RpcErrorFilter().catch(refused, hostOf('rpc')))).toEqual({
      code: ErrorCode.INTERNAL,
      message: 'Internal error',
    });
  });

  it('turns any other error into a bare INTERNAL error without leaking its message', async () => {
    const secretish = new Error('connect ECONNREFUSED mongodb://admin:pw@10.0.0.5');
    const wire = await errorOf(new RpcErrorFilter().catch(secretish, hostOf('rpc')));
    expect(wire).toEqual({ code: ErrorCode.INTERNAL, message: 'Internal error' });
    expect(JSON.stringify(wire)).not.toContain('ECONNREFUSED');
    // ...but it is logged on the service side, with the subject.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0][0])).toContain('rpc.identity.users.get.v1');
    expect(String(logged.mock.calls[0][0])).toContain('ECONNREFUSED');
  });

  it('handles non-Error throwables as INTERNAL', async () => {
    for (const thrown of ['boom', null, undefined, { weird: true }]) {
      const wire = await errorOf(new RpcErrorFilter().catch(thrown, hostOf('rpc')));
      expect(wire).toEqual({ code: ErrorCode.INTERNAL, message: 'Internal error' });
    }
  });

  it('rethrows when not in an rpc context', () => {
    const err = new Error('http');
    expect(() => new RpcErrorFilter().catch(err, hostOf('http'))).toThrow(err);
  });
});
