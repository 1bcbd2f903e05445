import { Injectable } from '@nestjs/common';
import { ConsultationStatus, type ConsultationEventBase, type EventEnvelope } from '@telehealth/contracts';
import type { ConsultationStateDoc } from './consultation-state.schema';
import { ConsultationStatesRepository } from './consultation-states.repository';

@Injectable()
export class ConsultationStates {
  constructor(private readonly states: ConsultationStatesRepository) {}

  /**
   * Applies a consultation event unless a newer one was applied (events of one session reach
   * this service's consumers, one per event type, in any order). Returns the state now stored.
   */
  async apply(e: EventEnvelope<ConsultationEventBase>): Promise<ConsultationStateDoc | null> {
    const p = e.payload;
    await this.states.saveUnlessNewer(p.consultationId, {
      number: p.number,
      appointmentId: p.appointmentId,
      patientId: p.patientId,
      doctorId: p.doctorId,
      callType: p.callType,
      status: p.status,
      scheduledStart: p.scheduledStart,
      scheduledEnd: p.scheduledEnd,
      occurredAt: new Date(e.occurredAt),
      eventId: e.id,
    });
    return this.get(p.consultationId);
  }

  get(id: string): Promise<ConsultationStateDoc | null> {
    return this.states.findById(id);
  }
}

/**
 * Nobody has joined yet. Once one side is in (WAITING), the patient is there or has been told
 * the doctor is, with the link: a reminder would be noise.
 */
export const isScheduled = (s: ConsultationStateDoc | null): s is ConsultationStateDoc =>
  !!s && s.status === ConsultationStatus.SCHEDULED;
