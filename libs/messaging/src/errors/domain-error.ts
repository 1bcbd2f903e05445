import { ErrorCode, type ErrorReason, type FieldProblem, type WireError } from '@telehealth/contracts';

interface DomainErrorOptions {
  /** One of the documented reasons (libs/contracts ERROR_REASONS). */
  reason?: ErrorReason;
  details?: FieldProblem[];
  retryAfterSeconds?: number;
}

/**
 * The one error type services raise. It crosses NATS as a {@link WireError} and the gateway
 * turns its code into an HTTP status; anything else thrown becomes INTERNAL (and is logged).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, ...this.options };
  }

  static invalid(field: string, problem: string, reason: ErrorReason = 'VALIDATION_FAILED'): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, {
      reason,
      details: [{ field, problem }],
    });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`, { reason: 'NOT_FOUND' });
  }

  static conflict(message: string, reason: ErrorReason): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, { reason });
  }

  static forbidden(message = 'Not allowed', reason: ErrorReason = 'FORBIDDEN'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message, { reason });
  }

  static unauthenticated(message: string, reason: ErrorReason = 'UNAUTHENTICATED'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message, { reason });
  }

  static unprocessable(message: string, reason: ErrorReason): DomainError {
    return new DomainError(ErrorCode.UNPROCESSABLE, message, { reason });
  }

  /** A dependency (database contention, a payment provider) cannot answer now; safe to retry. */
  static unavailable(message: string, reason: ErrorReason, retryAfterSeconds = 1): DomainError {
    return new DomainError(ErrorCode.UNAVAILABLE, message, { reason, retryAfterSeconds });
  }

  static rateLimited(message: string, retryAfterSeconds: number, reason: ErrorReason = 'RATE_LIMITED'): DomainError {
    return new DomainError(ErrorCode.RATE_LIMITED, message, { reason, retryAfterSeconds });
  }
}

/** A service answered a request with an error (client side of {@link DomainError}). */
export class RpcCallError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'RpcCallError';
  }
}
