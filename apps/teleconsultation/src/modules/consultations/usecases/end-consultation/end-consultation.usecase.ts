import { Injectable } from '@nestjs/common';
import { CallLogStatus, EndedBy, TeleconsultationEvents, type ConsultationView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { requireRelation, requireVisible } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import type { ConsultationDoc } from '../../consultation.schema';
import { callLogView, eventBase, toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';
import { origin } from '../../../../common/origin';

/**
 * The call ends (flow 3): by the doctor (or an admin), or by the system when the room closed or
 * the grace period after the scheduled end ran out. Writes the call log (seed 000: start, end,
 * duration in seconds, quality) and announces it; scheduling completes the appointment.
 */
@Injectable()
export class EndConsultation {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationView> {
    const caller = requireCaller(meta);
    const { relation } = requireVisible(caller, await this.store.load(id));
    requireRelation(relation, ['doctor', 'observer'], 'end');
    return toConsultationView(await this.end(id, EndedBy.DOCTOR, this.clock.now(), { correlationId: meta.requestId }));
  }

  /** Ends a call under way; `quiet`: a session not under way (any more) is left as it is. */
  end(
    id: string,
    by: EndedBy,
    at: Date,
    opts: { quiet?: boolean; eventId?: string; correlationId?: string } = {},
  ): Promise<ConsultationDoc> {
    return this.changes.apply(
      id,
      Action.END,
      (s) => {
        const start = s.actualStart ?? at;
        const callLog = {
          start,
          end: at,
          durationSeconds: Math.max(0, Math.round((at.getTime() - start.getTime()) / 1000)),
          status: CallLogStatus.COMPLETED,
          quality: s.quality,
        };
        return {
          set: {
            endedAt: at,
            endedBy: by,
            durationSeconds: callLog.durationSeconds,
            callLog,
            present: { doctor: false, patient: false },
          },
          events: (to) => [
            createEvent(
              TeleconsultationEvents.consultationEnded,
              s._id,
              { ...eventBase(s, to), endedAt: at.toISOString(), endedBy: by, callLog: callLogView(callLog) },
              origin(opts.correlationId),
            ),
          ],
        };
      },
      { quiet: opts.quiet, eventId: opts.eventId },
    );
  }
}
