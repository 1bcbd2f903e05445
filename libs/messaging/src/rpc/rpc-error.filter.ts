import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { ErrorCode, type WireError } from '@telehealth/contracts';
import { DomainError, RpcCallError } from '../errors/domain-error';

/**
 * What another service answered that means the same to this one's caller: the object it named
 * does not exist (or is not visible), or the service cannot answer now. Relayed as is; any other
 * answer from a call is this service's bug unless its handler translated it.
 */
const RELAYED: ReadonlySet<string> = new Set([ErrorCode.NOT_FOUND, ErrorCode.UNAVAILABLE]);

/**
 * Turns whatever a NATS handler throws into a {@link WireError}: domain errors keep their
 * code, as do a called service's NOT_FOUND and UNAVAILABLE; anything else is logged here and
 * leaves only as INTERNAL, never with its details.
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcError');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') throw exception;
    if (exception instanceof DomainError) return throwError(() => exception.toWire());
    if (exception instanceof RpcCallError && RELAYED.has(exception.wire.code)) return throwError(() => exception.wire);
    const pattern = host.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.();
    this.logger.error(
      `unhandled error in ${pattern ?? 'handler'}: ${(exception as Error)?.stack ?? String(exception)}`,
    );
    const wire: WireError = { code: ErrorCode.INTERNAL, message: 'Internal error' };
    return throwError(() => wire);
  }
}
