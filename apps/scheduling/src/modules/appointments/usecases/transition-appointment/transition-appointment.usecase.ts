import { Injectable } from '@nestjs/common';
import {
  AppointmentStatus,
  CancelledBy,
  SchedulingEvents,
  type AppointmentView,
  type EventContract,
  type EventEnvelope,
} from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { SchedulingConfig } from '../../../../config/scheduling.config';
import { requireRelation, requireVisible, type Relation } from '../../appointment-access';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { requireBeforeCutoff } from '../../appointment-errors';
import { eventBase, toAppointmentView } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore } from '../../appointment.store';
import { Action } from '../../lifecycle';
import { Clock } from '@telehealth/service-kit';

/** The actions a user asks for by request (the others are the system's). */
export type UserAction =
  Action.CONFIRM | Action.DECLINE | Action.CANCEL | Action.START | Action.COMPLETE | Action.NO_SHOW;

export interface TransitionCommand {
  id: string;
  action: UserAction;
  /** Why (cancel only). */
  reason?: string;
}

const CARE_TEAM: Relation[] = ['doctor', 'staff', 'admin'];

/** Who answers for each relation when the appointment ends on their side. */
const BY: Record<Exclude<Relation, null>, CancelledBy> = {
  patient: CancelledBy.PATIENT,
  doctor: CancelledBy.DOCTOR,
  staff: CancelledBy.CLINIC,
  admin: CancelledBy.SYSTEM,
};

/** What an action announces, given who asked. */
type Announce = (
  a: AppointmentDoc,
  to: AppointmentStatus,
  relation: Exclude<Relation, null>,
  correlationId: string,
  reason: string,
) => EventEnvelope;

const plain =
  (contract: EventContract<ReturnType<typeof eventBase>>): Announce =>
  (a, to, _relation, correlationId) =>
    createEvent(contract, a._id, eventBase(a, { status: to }), origin(correlationId));

/** Per action: who may ask, and what is announced. */
const ACTIONS: Record<UserAction, { allowed: Relation[]; announce: Announce }> = {
  [Action.CONFIRM]: { allowed: CARE_TEAM, announce: plain(SchedulingEvents.appointmentConfirmed) },
  [Action.DECLINE]: {
    allowed: CARE_TEAM,
    announce: (a, to, relation, correlationId) =>
      createEvent(
        SchedulingEvents.appointmentDeclined,
        a._id,
        {
          ...eventBase(a, { status: to }),
          declinedBy: relation === 'doctor' ? CancelledBy.DOCTOR : CancelledBy.CLINIC,
        },
        origin(correlationId),
      ),
  },
  [Action.CANCEL]: {
    allowed: ['patient', ...CARE_TEAM],
    announce: (a, to, relation, correlationId, reason) =>
      createEvent(
        SchedulingEvents.appointmentCancelled,
        a._id,
        { ...eventBase(a, { status: to }), cancelledBy: BY[relation], reason, previousStatus: a.status },
        origin(correlationId),
      ),
  },
  [Action.START]: { allowed: CARE_TEAM, announce: plain(SchedulingEvents.appointmentStarted) },
  [Action.COMPLETE]: { allowed: CARE_TEAM, announce: plain(SchedulingEvents.appointmentCompleted) },
  [Action.NO_SHOW]: { allowed: CARE_TEAM, announce: plain(SchedulingEvents.appointmentNoShow) },
};

/**
 * Confirm, decline, cancel, start, complete or mark a no-show, as the lifecycle allows (flows
 * 2-4): the care team answers and runs the appointment; the patient may also cancel, until the
 * cut-off before the start.
 */
@Injectable()
export class TransitionAppointment {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
    private readonly config: SchedulingConfig,
    private readonly clock: Clock,
  ) {}

  async execute(q: TransitionCommand, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireCaller(meta);
    const { a, relation } = requireVisible(caller, await this.store.load(q.id));
    const { allowed, announce } = ACTIONS[q.action];
    requireRelation(relation, allowed, q.action);
    if (q.action === Action.CANCEL && relation === 'patient')
      requireBeforeCutoff(a, 'cancel', this.clock.now(), this.config.CANCELLATION_CUTOFF_HOURS);
    const reason = q.reason?.trim() || 'No reason given';
    const done = await this.changes.apply(a, q.action, {
      set: q.action === Action.CANCEL ? { cancellation: { by: BY[relation], reason, at: this.clock.now() } } : {},
      event: (before, to) => announce(before, to, relation, meta.requestId, reason),
      actorId: caller.userId,
      requestId: meta.requestId,
    });
    return toAppointmentView(done);
  }
}
