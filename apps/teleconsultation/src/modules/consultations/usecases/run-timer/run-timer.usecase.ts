import { Injectable } from '@nestjs/common';
import { AbsentParty, CallLogStatus, ConsultationStatus, EndedBy, TeleconsultationEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import type { ConsultationTimerJob } from '../../../../queues';
import { ConsultationChanges } from '../../consultation-changes';
import type { ConsultationDoc } from '../../consultation.schema';
import { eventBase } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';
import { EndConsultation } from '../end-consultation/end-consultation.usecase';
import { origin } from '../../../../common/origin';

const absentOf = (s: ConsultationDoc): AbsentParty | null => {
  if (!s.doctorJoinedAt && !s.patientJoinedAt) return AbsentParty.BOTH;
  if (!s.doctorJoinedAt) return AbsentParty.DOCTOR;
  if (!s.patientJoinedAt) return AbsentParty.PATIENT;
  return null;
};

/**
 * A session timer fired. No-show: whoever never joined by the wait after the start is recorded
 * absent (NO_SHOW; scheduling marks the appointment). Overrun: a call still running at the end of
 * the grace period is ended by the system; a session nobody completed is a no-show. A timer of a
 * schedule the session no longer has (it moved), or of a session that started, ended or was
 * cancelled, does nothing.
 */
@Injectable()
export class RunTimer {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly ending: EndConsultation,
    private readonly clock: Clock,
  ) {}

  async execute(job: ConsultationTimerJob): Promise<void> {
    const s = await this.store.load(job.consultationId);
    if (!s || s.scheduledStart.getTime() !== new Date(job.scheduledStart).getTime()) return;
    const now = this.clock.now();
    if (job.kind === 'overrun' && s.status === ConsultationStatus.IN_PROGRESS) {
      await this.ending.end(s._id, EndedBy.SYSTEM, now, { quiet: true });
      return;
    }
    await this.changes.apply(
      s._id,
      Action.NO_SHOW,
      (c) => {
        const absent = absentOf(c);
        if (!absent || c.scheduledStart.getTime() !== new Date(job.scheduledStart).getTime()) return null;
        return {
          set: {
            absent,
            endedAt: now,
            callLog: { start: null, end: now, durationSeconds: 0, status: CallLogStatus.MISSED, quality: c.quality },
          },
          events: (to) => [
            createEvent(TeleconsultationEvents.consultationNoShow, c._id, { ...eventBase(c, to), absent }, origin()),
          ],
        };
      },
      { quiet: true },
    );
  }
}
