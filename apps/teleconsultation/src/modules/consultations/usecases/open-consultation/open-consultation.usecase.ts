import { Injectable } from '@nestjs/common';
import {
  ConsultationMode,
  TeleconsultationEvents,
  type AppointmentConfirmedV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { ConsultationStore } from '../../consultation.store';
import { ConsultationTimers } from '../../consultation-timers';
import { eventBase } from '../../consultation.mapper';
import { isOpen } from '../../lifecycle';
import { newSession } from '../../new-session';
import { ParticipantNames } from '../../participant-names';
import { origin } from '../../../../common/origin';

/**
 * An online appointment was confirmed (flow 3): its session and room exist from now on, with
 * the no-show and overrun timers. Once per appointment: a redelivery, or a session an earlier
 * cancellation or reschedule already created, is left as it is.
 */
@Injectable()
export class OpenConsultation {
  constructor(
    private readonly store: ConsultationStore,
    private readonly timers: ConsultationTimers,
    private readonly names: ParticipantNames,
  ) {}

  async execute(e: EventEnvelope<AppointmentConfirmedV1>): Promise<void> {
    const a = e.payload;
    if (a.mode !== ConsultationMode.ONLINE) return;
    const doc = newSession(a, new Date(e.occurredAt), await this.names.of(a.doctorId, a.patientId));
    const scheduled = createEvent(
      TeleconsultationEvents.consultationScheduled,
      doc._id,
      eventBase(doc, doc.status),
      origin(e.correlationId),
    );
    const { doc: session } = await this.store.open(doc, [scheduled]);
    // Also on a redelivery: the first attempt may have stopped before its timers were added.
    if (isOpen(session.status)) await this.timers.ensure(session);
  }
}
