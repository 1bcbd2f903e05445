import { Injectable } from '@nestjs/common';
import { AppointmentStatus, SchedulingEvents, type EventContract } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { eventBase } from '../../appointment.mapper';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';

/** What teleconsultation reports about an online appointment's session. */
export type ConsultationOutcome = 'started' | 'ended' | 'no-show';

/** The next step the outcome asks of an appointment in `status`, or null when it is already there (or past). */
function stepOf(status: AppointmentStatus, outcome: ConsultationOutcome): Step | null {
  if (status === AppointmentStatus.CONFIRMED) return outcome === 'no-show' ? Action.NO_SHOW : Action.START;
  if (status === AppointmentStatus.IN_PROGRESS && outcome === 'ended') return Action.COMPLETE;
  return null;
}

type Step = Action.START | Action.COMPLETE | Action.NO_SHOW;

const ANNOUNCED: Record<Step, EventContract<ReturnType<typeof eventBase>>> = {
  [Action.START]: SchedulingEvents.appointmentStarted,
  [Action.COMPLETE]: SchedulingEvents.appointmentCompleted,
  [Action.NO_SHOW]: SchedulingEvents.appointmentNoShow,
};

const MAX_STEPS = 5;

/**
 * The consultation started, ended or was missed (flow 3): the appointment follows, so the two
 * never disagree for long. An end handled before its start starts and completes it; a
 * redelivered or late outcome finds the appointment already there and changes nothing.
 */
@Injectable()
export class RecordConsultationOutcome {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
  ) {}

  async execute(o: { appointmentId: string; outcome: ConsultationOutcome; correlationId: string }): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      const a = await this.store.load(o.appointmentId);
      const action = a ? stepOf(a.status, o.outcome) : null;
      if (!a || !action) return;
      const contract = ANNOUNCED[action];
      // Null: another change got there first; the next round decides on the new state.
      await this.changes.applyQuietly(a, action, {
        event: (before, to) =>
          createEvent(contract, before._id, eventBase(before, { status: to }), origin(o.correlationId)),
        requestId: o.correlationId,
      });
    }
  }
}
