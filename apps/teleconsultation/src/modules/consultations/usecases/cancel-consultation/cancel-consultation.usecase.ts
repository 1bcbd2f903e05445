import { Injectable } from '@nestjs/common';
import {
  CallLogStatus,
  ConsultationMode,
  ConsultationStatus,
  TeleconsultationEvents,
  type AppointmentCancelledV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { ConsultationChanges } from '../../consultation-changes';
import { ConsultationStore } from '../../consultation.store';
import { eventBase } from '../../consultation.mapper';
import { Action } from '../../lifecycle';
import { consultationIdOf, newSession } from '../../new-session';
import { origin } from '../../../../common/origin';

/**
 * The appointment was cancelled (flow 4): its session will not take place. When the
 * cancellation arrives before the confirmation it followed, the session is created cancelled, so
 * the late confirmation finds it and opens nothing.
 */
@Injectable()
export class CancelConsultation {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
  ) {}

  async execute(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    const a = e.payload;
    if (a.mode !== ConsultationMode.ONLINE) return;
    const id = consultationIdOf(a.appointmentId);
    const at = new Date(e.occurredAt);
    if (!(await this.store.load(id))) {
      const tombstone = newSession(a, at, { doctorName: null, patientName: null }, ConsultationStatus.CANCELLED);
      const { created } = await this.store.open({ ...tombstone, cancellationReason: a.reason }, []);
      if (created) return;
    }
    await this.changes.apply(
      id,
      Action.CANCEL,
      (s) => ({
        set: {
          cancellationReason: a.reason,
          endedAt: at,
          callLog: { start: null, end: at, durationSeconds: 0, status: CallLogStatus.CANCELLED, quality: s.quality },
        },
        events: (to) => [
          createEvent(
            TeleconsultationEvents.consultationCancelled,
            s._id,
            { ...eventBase(s, to), reason: a.reason },
            origin(e.correlationId),
          ),
        ],
      }),
      { quiet: true },
    );
  }
}
