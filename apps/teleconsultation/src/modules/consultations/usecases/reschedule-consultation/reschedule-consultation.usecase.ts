import { Injectable } from '@nestjs/common';
import {
  AppointmentStatus,
  ConsultationMode,
  TeleconsultationEvents,
  type AppointmentRescheduledV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { ConsultationChanges } from '../../consultation-changes';
import { ConsultationStore } from '../../consultation.store';
import { ConsultationTimers } from '../../consultation-timers';
import { eventBase } from '../../consultation.mapper';
import { Action } from '../../lifecycle';
import { consultationIdOf, newSession } from '../../new-session';
import { ParticipantNames } from '../../participant-names';
import { origin } from '../../../../common/origin';

/**
 * The appointment moved (flow 4): the session, its join window and its timers move with it.
 * Only a newer schedule replaces the one held (the event's time decides), so two moves handled
 * in either order end at the later one. A confirmed appointment moved before its session exists
 * (its confirmation not handled yet) gets its session here, at the new time.
 */
@Injectable()
export class RescheduleConsultation {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly timers: ConsultationTimers,
    private readonly names: ParticipantNames,
  ) {}

  async execute(e: EventEnvelope<AppointmentRescheduledV1>): Promise<void> {
    const a = e.payload;
    if (a.mode !== ConsultationMode.ONLINE) return;
    const id = consultationIdOf(a.appointmentId);
    const asOf = new Date(e.occurredAt);
    if (!(await this.store.load(id))) {
      if (a.status !== AppointmentStatus.CONFIRMED) return; // its confirmation will carry the new time
      const doc = newSession(a, asOf, await this.names.of(a.doctorId, a.patientId));
      const scheduled = createEvent(
        TeleconsultationEvents.consultationScheduled,
        doc._id,
        eventBase(doc, doc.status),
        origin(e.correlationId),
      );
      const { doc: session, created } = await this.store.open(doc, [scheduled]);
      if (created) return this.timers.ensure(session);
    }
    await this.changes.apply(
      id,
      Action.RESCHEDULE,
      (s) => {
        if (s.scheduleAsOf.getTime() >= asOf.getTime()) return null; // a later schedule is held
        const moved = { ...s, scheduledStart: new Date(a.start), scheduledEnd: new Date(a.end) };
        return {
          set: { scheduledStart: moved.scheduledStart, scheduledEnd: moved.scheduledEnd, scheduleAsOf: asOf },
          events: (to) => [
            createEvent(
              TeleconsultationEvents.consultationRescheduled,
              s._id,
              { ...eventBase(moved, to), previousStart: s.scheduledStart.toISOString() },
              origin(e.correlationId),
            ),
          ],
        };
      },
      { quiet: true },
    );
  }
}
