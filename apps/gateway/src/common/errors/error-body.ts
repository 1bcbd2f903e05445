import type { FieldProblem } from '@telehealth/contracts';

/** The one error body of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Machine-readable reason, e.g. EMAIL_TAKEN, INVALID_CREDENTIALS. */
  reason?: string;
  details: FieldProblem[];
  requestId: string;
}
