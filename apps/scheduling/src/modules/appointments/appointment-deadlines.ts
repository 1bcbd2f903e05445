import { Injectable } from '@nestjs/common';
import { SchedulingConfig } from '../../config/scheduling.config';
import type { AppointmentDoc } from './appointment.schema';
import { confirmationDeadline } from './confirmation-deadline';

/** The confirmation deadline under the configured policy. */
@Injectable()
export class ConfirmationDeadlines {
  constructor(private readonly config: SchedulingConfig) {}

  /** The deadline of a request that begins to wait at `from` for an appointment at `start`. */
  from(from: Date, start: Date): Date {
    return confirmationDeadline(from, start, {
      windowMinutes: this.config.CONFIRMATION_WINDOW_MINUTES,
      cutoffMinutes: this.config.CONFIRMATION_CUTOFF_MINUTES,
    });
  }

  /** A waiting request's deadline; requests from before deadlines existed count from their last change. */
  of(a: AppointmentDoc): Date {
    return a.confirmBy ?? this.from(a.updatedAt, a.start);
  }
}
