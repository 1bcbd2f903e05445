import { Injectable } from '@nestjs/common';
import { AppointmentStatus, type AppointmentEventBase, type EventEnvelope } from '@telehealth/contracts';
import type { AppointmentStateDoc } from './appointment-state.schema';
import { AppointmentStatesRepository } from './appointment-states.repository';

@Injectable()
export class AppointmentStates {
  constructor(private readonly states: AppointmentStatesRepository) {}

  /**
   * Applies an appointment event unless a newer one was applied (events of one appointment may
   * reach different consumers out of order). Returns the state now stored.
   */
  async apply(e: EventEnvelope<AppointmentEventBase>): Promise<AppointmentStateDoc | null> {
    const p = e.payload;
    const occurredAt = new Date(e.occurredAt);
    const next = {
      number: p.number,
      patientId: p.patientId,
      doctorId: p.doctorId,
      mode: p.mode,
      status: p.status,
      start: p.start,
      end: p.end,
      timeZone: p.timeZone,
      occurredAt,
      eventId: e.id,
    };
    await this.states.saveUnlessNewer(p.appointmentId, next);
    return this.get(p.appointmentId);
  }

  get(id: string): Promise<AppointmentStateDoc | null> {
    return this.states.findById(id);
  }
}

export const isConfirmed = (s: AppointmentStateDoc | null): s is AppointmentStateDoc =>
  !!s && s.status === AppointmentStatus.CONFIRMED;
