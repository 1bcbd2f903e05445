import { Injectable } from '@nestjs/common';
import { ConsultationStatus, TeleconsultationEvents, type EventEnvelope } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { ConsultationChanges, type Plan } from '../../consultation-changes';
import type { ConsultationDoc } from '../../consultation.schema';
import { eventBase } from '../../consultation.mapper';
import { Action } from '../../lifecycle';
import type { Side } from '../../participant-identity';
import { origin } from '../../../../common/origin';

export interface Presence {
  consultationId: string;
  side: Side;
  kind: 'JOINED' | 'LEFT';
  at: Date;
  source: 'WEBHOOK' | 'CLIENT';
  /** The provider's event id (webhooks): applied once. */
  eventId?: string;
  correlationId?: string;
}

const earliest = (a: Date | null, b: Date): Date => (a && a.getTime() <= b.getTime() ? a : b);

/**
 * Someone joined or left the room, as the provider's webhook or the client reports it. Built for
 * the events real providers send: out of order, twice, or missing. A `left` with no `joined`
 * means they were there; a late `joined` keeps the earliest time; both sides having joined (at
 * any time) makes it IN_PROGRESS, one side WAITING. Once a webhook has reported on a session,
 * clients' reports of presence no longer count (the provider is the better witness).
 */
@Injectable()
export class RecordPresence {
  constructor(private readonly changes: ConsultationChanges) {}

  async execute(p: Presence): Promise<ConsultationDoc> {
    return this.changes.apply(p.consultationId, Action.PRESENCE, (s) => this.plan(s, p), {
      eventId: p.eventId,
      quiet: true,
    });
  }

  private plan(s: ConsultationDoc, p: Presence): Plan | null {
    if (p.source === 'CLIENT' && s.presenceSource === 'WEBHOOK') return null;
    const joinedKey = p.side === 'doctor' ? 'doctorJoinedAt' : 'patientJoinedAt';
    const joinedAt = earliest(s[joinedKey], p.at);
    const doctorAt = p.side === 'doctor' ? joinedAt : s.doctorJoinedAt;
    const patientAt = p.side === 'patient' ? joinedAt : s.patientJoinedAt;
    const facts = { doctorJoined: doctorAt !== null, patientJoined: patientAt !== null };
    // It started when the second side arrived.
    const startsNow = doctorAt && patientAt && !s.actualStart;
    const actualStart = startsNow ? new Date(Math.max(doctorAt.getTime(), patientAt.getTime())) : s.actualStart;
    return {
      facts,
      set: {
        [joinedKey]: joinedAt,
        [`present.${p.side}`]: p.kind === 'JOINED',
        ...(p.side === 'patient' && p.kind === 'JOINED' && !s.lobby.admittedAt && { 'lobby.patientWaiting': true }),
        ...(startsNow && { actualStart }),
        presenceSource: s.presenceSource === 'WEBHOOK' ? 'WEBHOOK' : p.source,
      },
      events: (to) => this.announce(s, to, p, actualStart),
    };
  }

  private announce(s: ConsultationDoc, to: ConsultationStatus, p: Presence, actualStart: Date | null): EventEnvelope[] {
    if (to === s.status) return [];
    const o = origin(p.correlationId);
    if (to === ConsultationStatus.IN_PROGRESS)
      return [
        createEvent(
          TeleconsultationEvents.consultationStarted,
          s._id,
          { ...eventBase(s, to), actualStart: (actualStart ?? p.at).toISOString() },
          o,
        ),
      ];
    if (to === ConsultationStatus.WAITING)
      return [
        createEvent(
          TeleconsultationEvents.consultationWaiting,
          s._id,
          { ...eventBase(s, to), waiting: p.side === 'doctor' ? 'DOCTOR' : 'PATIENT' },
          o,
        ),
      ];
    return [];
  }
}
