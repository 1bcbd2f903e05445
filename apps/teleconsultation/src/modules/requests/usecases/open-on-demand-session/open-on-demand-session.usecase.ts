import { Injectable } from '@nestjs/common';
import { TeleconsultationEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { TeleconsultationConfig } from '../../../../config/teleconsultation.config';
import { ConsultationStore } from '../../../consultations/consultation.store';
import { ConsultationTimers } from '../../../consultations/consultation-timers';
import { eventBase } from '../../../consultations/consultation.mapper';
import { newOnDemandSession } from '../../../consultations/new-session';
import { ParticipantNames } from '../../../consultations/participant-names';
import { origin } from '../../../../common/origin';
import type { ConsultationRequestDoc } from '../../consultation-request.schema';

/**
 * The session of an accepted request, starting at its acceptance: once (its id derives from the
 * request), whether the accept itself or the redelivered accepted event gets here first.
 */
@Injectable()
export class OpenOnDemandSession {
  constructor(
    private readonly sessions: ConsultationStore,
    private readonly timers: ConsultationTimers,
    private readonly names: ParticipantNames,
    private readonly config: TeleconsultationConfig,
  ) {}

  async execute(r: ConsultationRequestDoc, correlationId?: string): Promise<void> {
    if (!r.acceptedBy || !r.acceptedAt) return;
    const doc = newOnDemandSession(
      r,
      r.acceptedBy,
      r.acceptedAt,
      this.config.ON_DEMAND_CONSULTATION_MINUTES,
      await this.names.of(r.acceptedBy, r.patientId),
    );
    const scheduled = createEvent(
      TeleconsultationEvents.consultationScheduled,
      doc._id,
      eventBase(doc, doc.status),
      origin(correlationId),
    );
    const { doc: session } = await this.sessions.open(doc, [scheduled]);
    await this.timers.ensure(session);
  }
}
