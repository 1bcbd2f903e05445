import type { ErrorReason } from './error-reasons';

/**
 * Error codes that travel over NATS. A service raises a coded error; the gateway maps the
 * code to an HTTP status in exactly one place (apps/gateway/src/common/errors).
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNPROCESSABLE = 'UNPROCESSABLE',
  RATE_LIMITED = 'RATE_LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `dateOfBirth` or `items.0.amount`. */
  field: string;
  problem: string;
}

/** The shape of an error on the wire (NATS reply) between services and the gateway. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** A stable machine-readable reason within the code, e.g. `EMAIL_TAKEN` (see ERROR_REASONS). */
  reason?: ErrorReason;
  details?: FieldProblem[];
  /** Seconds a client should wait before retrying (RATE_LIMITED, UNAVAILABLE). */
  retryAfterSeconds?: number;
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    (Object.values(ErrorCode) as string[]).includes((value as WireError).code) &&
    typeof (value as WireError).message === 'string'
  );
}
