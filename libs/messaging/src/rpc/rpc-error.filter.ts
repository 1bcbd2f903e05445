import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { ErrorCode, type WireError } from '@telehealth/contracts';
import { DomainError } from '../errors/domain-error';

/**
 * Turns whatever a NATS handler throws into a {@link WireError}: domain errors keep their
 * code; anything else is logged here and leaves only as INTERNAL, never with its details.
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcError');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') throw exception;
    if (exception instanceof DomainError) return throwError(() => exception.toWire());
    const pattern = host.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.();
    this.logger.error(
      `unhandled error in ${pattern ?? 'handler'}: ${(exception as Error)?.stack ?? String(exception)}`,
    );
    const wire: WireError = { code: ErrorCode.INTERNAL, message: 'Internal error' };
    return throwError(() => wire);
  }
}
