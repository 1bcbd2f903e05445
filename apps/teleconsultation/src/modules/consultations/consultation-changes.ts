import { Injectable } from '@nestjs/common';
import type { ConsultationStatus, EventEnvelope } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { concurrentChange, illegalTransition } from './consultation-access';
import type { ConsultationDoc } from './consultation.schema';
import { ConsultationStore } from './consultation.store';
import { ConsultationTimers } from './consultation-timers';
import { isOpen, nextStatus, type Action, type PresenceFacts } from './lifecycle';

/** What a use case wants done to the session it was shown; null: nothing (it is already so). */
export interface Plan {
  /** Who has joined, after this change (PRESENCE only: it chooses the status). */
  facts?: PresenceFacts;
  set?: Partial<ConsultationDoc> & Record<string, unknown>;
  /** The events announcing the change, given the status it leads to. */
  events?: (to: ConsultationStatus) => EventEnvelope[];
}

export interface ChangeOptions {
  /** A provider event id: applied with the change, once; a replay returns the session unchanged. */
  eventId?: string;
  /** System changes: an illegal transition means someone else moved it on; return it as it is. */
  quiet?: boolean;
}

const MAX_ATTEMPTS = 20;

/**
 * The one way a session changes: the lifecycle decides the status (illegal: 409 naming the
 * state), the store applies the use case's plan from the version it was made on, and a change
 * that lost a race is planned again on the new state. After a change of schedule, the timers.
 */
@Injectable()
export class ConsultationChanges {
  constructor(
    private readonly store: ConsultationStore,
    private readonly timers: ConsultationTimers,
  ) {}

  async apply(
    id: string,
    action: Action,
    plan: (s: ConsultationDoc) => Plan | null,
    opts: ChangeOptions = {},
  ): Promise<ConsultationDoc> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const s = await this.store.load(id);
      if (!s) throw DomainError.notFound('Consultation');
      if (opts.eventId && s.seenEvents.includes(opts.eventId)) return s;
      const p = plan(s);
      if (!p) return s;
      const to = nextStatus(s.status, action, p.facts);
      if (!to) {
        if (opts.quiet) return s;
        throw illegalTransition(s, action);
      }
      const done = await this.store.update(s, {
        set: { ...p.set, status: to },
        seenEvent: opts.eventId,
        events: p.events?.(to) ?? [],
      });
      if (!done) continue;
      const moved = new Date(done.scheduledStart).getTime() !== new Date(s.scheduledStart).getTime();
      if (moved && isOpen(done.status)) await this.timers.ensure(done);
      return done;
    }
    throw concurrentChange(id);
  }
}
