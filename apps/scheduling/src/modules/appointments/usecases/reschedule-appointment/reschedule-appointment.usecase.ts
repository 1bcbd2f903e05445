import { Injectable } from '@nestjs/common';
import {
  AppointmentStatus,
  ConsultationMode,
  SchedulingEvents,
  SlotMode,
  type AppointmentView,
  type RescheduleRequest,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { SchedulingConfig } from '../../../../config/scheduling.config';
import { requireRelation, requireVisible } from '../../appointment-access';
import { AppointmentChanges, origin } from '../../appointment-changes';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { availabilityChanged, illegalTransition, requireBeforeCutoff } from '../../appointment-errors';
import { AppointmentPlaces } from '../../appointment-places';
import { eventBase, toAppointmentView } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore } from '../../appointment.store';
import { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import { Action, decide } from '../../lifecycle';
import { SlotCatalog, parseSlotId } from '../../slot-catalog';
import { Clock } from '@telehealth/service-kit';

/**
 * Moves the appointment to another slot of the same doctor (flow 4). The new seat is taken
 * before the old one is released, so the patient never ends up with neither (nor both, visibly).
 */
@Injectable()
export class RescheduleAppointment {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
    private readonly places: AppointmentPlaces,
    private readonly slots: SlotCatalog,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly deadlines: ConfirmationDeadlines,
    private readonly config: SchedulingConfig,
    private readonly clock: Clock,
  ) {}

  async execute(q: RescheduleRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireCaller(meta);
    const { a, relation } = requireVisible(caller, await this.store.load(q.id));
    requireRelation(relation, ['patient', 'staff', 'admin'], 'reschedule');
    const now = this.clock.now();
    if (relation === 'patient') requireBeforeCutoff(a, 'reschedule', now, this.config.CANCELLATION_CUTOFF_HOURS);
    // Refused before any seat is taken.
    if (!decide(a, Action.RESCHEDULE)) throw illegalTransition(a, Action.RESCHEDULE);
    const target = parseSlotId(q.slotId);
    if (!target || target.doctorId !== a.doctorId)
      throw DomainError.invalid('slotId', 'must be another slot of the same doctor');
    if (q.slotId === a.slotId) throw DomainError.invalid('slotId', 'is the current slot');
    const found = await this.slots.find(q.slotId, now);
    if (!found) throw DomainError.invalid('slotId', 'is not an open slot of this doctor', 'SLOT_NOT_OFFERED');
    const { slot } = found;
    if (a.mode === ConsultationMode.IN_CLINIC ? slot.mode === SlotMode.ONLINE : slot.mode === SlotMode.IN_CLINIC) {
      throw DomainError.invalid('slotId', `does not offer ${a.mode} consultations`);
    }
    const place = await this.places.take(slot, a._id);
    if (!(await this.slots.markBooked(found))) {
      await this.places.free(place, a._id);
      throw availabilityChanged();
    }
    const set: Partial<AppointmentDoc> = {
      slotId: slot.id,
      ...place,
      start: slot.start,
      end: slot.end,
      timeZone: slot.timeZone,
      clinicId: a.mode === ConsultationMode.IN_CLINIC ? slot.clinicId : null,
    };
    // A request moved to a sooner slot may have to be answered sooner; never later.
    if (a.status === AppointmentStatus.PENDING_CONFIRMATION) {
      const sooner = this.deadlines.from(now, slot.start);
      set.confirmBy = new Date(Math.min(this.deadlines.of(a).getTime(), sooner.getTime()));
    }
    let moved: AppointmentDoc;
    try {
      moved = await this.changes.apply(a, Action.RESCHEDULE, {
        set,
        event: (before) =>
          createEvent(
            SchedulingEvents.appointmentRescheduled,
            before._id,
            {
              ...eventBase(before, set),
              previousStart: before.start.toISOString(),
              previousEnd: before.end.toISOString(),
              previousSlotId: before.slotId,
            },
            origin(meta.requestId),
          ),
        actorId: caller.userId,
        requestId: meta.requestId,
      });
    } catch (err) {
      await this.places.free(place, a._id);
      throw err;
    }
    await this.places.free(a, a._id);
    if (set.confirmBy && set.confirmBy.getTime() !== a.confirmBy?.getTime()) {
      await this.confirmations.cancel(a._id);
      await this.confirmations.schedule(a._id, set.confirmBy);
    }
    return toAppointmentView(moved);
  }
}
