import { Injectable, Logger } from '@nestjs/common';
import { AppointmentStatus, type EventEnvelope } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { ConfirmationDeadlines } from './appointment-deadlines';
import { concurrentChange, illegalTransition } from './appointment-errors';
import { AppointmentPlaces } from './appointment-places';
import type { AppointmentDoc } from './appointment.schema';
import { AppointmentStore } from './appointment.store';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { Action, decide, holdsSeat, paymentStatusAfter, type Transition } from './lifecycle';
import { Clock } from '@telehealth/service-kit';

export interface ChangeRequest {
  /** Fields the use case sets besides the status. */
  set?: Partial<AppointmentDoc>;
  /** The event announcing the change, built from the appointment before it and the new status. */
  event?: (before: AppointmentDoc, to: AppointmentStatus) => EventEnvelope | undefined;
  /** The user who made the change; absent for the system. */
  actorId?: string | null;
  requestId?: string;
}

export const origin = (correlationId?: string) => ({ producer: 'scheduling' as const, correlationId });

/**
 * The one way an appointment changes after it is booked: the lifecycle decides the transition
 * (illegal ones are refused), the store logs and applies it with its event, and then what the
 * new state implies happens: the place is freed when it holds none, timers are withdrawn when
 * their state is left and the confirmation deadline set when the doctor's answer is awaited,
 * and a fee not captured is voided when the booking ends (as wallet-claims records it).
 */
@Injectable()
export class AppointmentChanges {
  private readonly logger = new Logger(AppointmentChanges.name);

  constructor(
    private readonly store: AppointmentStore,
    private readonly places: AppointmentPlaces,
    private readonly holds: HoldExpiryQueue,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly deadlines: ConfirmationDeadlines,
    private readonly clock: Clock,
  ) {}

  /** Applies `action`; 409 when the lifecycle forbids it or another change won the race. */
  async apply(a: AppointmentDoc, action: Action, req: ChangeRequest = {}): Promise<AppointmentDoc> {
    const t = decide(a, action);
    if (!t) throw illegalTransition(a, action);
    const done = await this.store.apply(a, {
      transition: t,
      set: this.implied(a, t, req.set ?? {}),
      event: req.event?.(a, t.to),
      actorId: req.actorId ?? null,
    });
    if (!done) throw concurrentChange(a._id);
    await this.after(a, t, done);
    this.logger.debug(
      `${a._id}: ${t.from} -> ${t.to} (${action}) by ${req.actorId ?? 'system'} [${req.requestId ?? '-'}]`,
    );
    return done;
  }

  /** System changes: not allowed any more, or a lost race, means someone else moved it on: fine. */
  async applyQuietly(a: AppointmentDoc, action: Action, req: ChangeRequest = {}): Promise<AppointmentDoc | null> {
    try {
      return await this.apply(a, action, req);
    } catch (err) {
      if (err instanceof DomainError) return null;
      throw err;
    }
  }

  /** The fields the new state implies, unless the use case set them. */
  private implied(a: AppointmentDoc, t: Transition, set: Partial<AppointmentDoc>): Partial<AppointmentDoc> {
    const out: Partial<AppointmentDoc> = { ...set };
    const payment = set.payment ?? a.payment;
    const status = paymentStatusAfter(t, payment.status);
    if (status !== payment.status) out.payment = { ...payment, status };
    if (t.to === AppointmentStatus.PENDING_CONFIRMATION && t.from !== t.to && set.confirmBy === undefined)
      out.confirmBy = this.deadlines.from(this.clock.now(), a.start);
    return out;
  }

  private async after(a: AppointmentDoc, t: Transition, done: AppointmentDoc): Promise<void> {
    if (t.from === t.to) return;
    if (holdsSeat(t.from) && !holdsSeat(t.to)) await this.places.free(a, a._id);
    if (t.from === AppointmentStatus.PENDING_PAYMENT) await this.holds.cancel(a._id);
    if (t.from === AppointmentStatus.PENDING_CONFIRMATION) await this.confirmations.cancel(a._id);
    if (t.to === AppointmentStatus.PENDING_CONFIRMATION && done.confirmBy)
      await this.confirmations.schedule(a._id, done.confirmBy);
  }
}
