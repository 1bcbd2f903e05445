import { Injectable } from '@nestjs/common';
import {
  AppointmentStatus,
  CancelledBy,
  SchedulingEvents,
  type EventContract,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { AppointmentChanges, origin, type ChangeRequest } from '../../appointment-changes';
import { eventBase } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';

/**
 * What teleconsultation reports about an online appointment's session: it started, ended, the
 * patient never came (`patient-absent`), or the doctor never came (`doctor-absent`).
 */
export type ConsultationOutcome = 'started' | 'ended' | 'patient-absent' | 'doctor-absent';

type Step = Action.START | Action.COMPLETE | Action.NO_SHOW | Action.CANCEL;

/** The next step the outcome asks of an appointment in `status`, or null when it is already there (or past). */
function stepOf(status: AppointmentStatus, outcome: ConsultationOutcome): Step | null {
  if (status === AppointmentStatus.CONFIRMED) {
    if (outcome === 'patient-absent') return Action.NO_SHOW;
    if (outcome === 'doctor-absent') return Action.CANCEL;
    return Action.START;
  }
  if (status === AppointmentStatus.IN_PROGRESS && outcome === 'ended') return Action.COMPLETE;
  return null;
}

const PLAIN: Record<Exclude<Step, Action.CANCEL>, EventContract<ReturnType<typeof eventBase>>> = {
  [Action.START]: SchedulingEvents.appointmentStarted,
  [Action.COMPLETE]: SchedulingEvents.appointmentCompleted,
  [Action.NO_SHOW]: SchedulingEvents.appointmentNoShow,
};

const DOCTOR_ABSENT = 'The doctor did not join the consultation';
const MAX_STEPS = 5;

/**
 * The consultation started, ended or was missed (flow 3): the appointment follows, so the two
 * never disagree for long. An end handled before its start starts and completes it. A patient who
 * never came is a NO_SHOW; a doctor who never came cancels the appointment on the doctor's side,
 * so the patient's fee is refunded in full by the refund policy. A redelivered or late outcome
 * finds the appointment already there and changes nothing.
 */
@Injectable()
export class RecordConsultationOutcome {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
    private readonly clock: Clock,
  ) {}

  async execute(o: { appointmentId: string; outcome: ConsultationOutcome; correlationId: string }): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      const a = await this.store.load(o.appointmentId);
      const action = a ? stepOf(a.status, o.outcome) : null;
      if (!a || !action) return;
      // Null: another change got there first; the next round decides on the new state.
      await this.changes.applyQuietly(a, action, {
        ...this.change(action, o.correlationId),
        requestId: o.correlationId,
      });
    }
  }

  private change(action: Step, correlationId: string): ChangeRequest {
    if (action !== Action.CANCEL)
      return {
        event: (before, to) =>
          createEvent(PLAIN[action], before._id, eventBase(before, { status: to }), origin(correlationId)),
      };
    return {
      set: { cancellation: { by: CancelledBy.DOCTOR, reason: DOCTOR_ABSENT, at: this.clock.now() } },
      event: (before: AppointmentDoc, to: AppointmentStatus): EventEnvelope =>
        createEvent(
          SchedulingEvents.appointmentCancelled,
          before._id,
          {
            ...eventBase(before, { status: to }),
            cancelledBy: CancelledBy.DOCTOR,
            reason: DOCTOR_ABSENT,
            previousStatus: before.status,
          },
          origin(correlationId),
        ),
    };
  }
}
