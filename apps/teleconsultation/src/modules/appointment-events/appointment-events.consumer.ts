import { Injectable } from '@nestjs/common';
import {
  SchedulingEvents,
  type AppointmentCancelledV1,
  type AppointmentConfirmedV1,
  type AppointmentEventBase,
  type AppointmentRescheduledV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { CareAppointments } from '../care/care-appointments';
import { CancelConsultation } from '../consultations/usecases/cancel-consultation/cancel-consultation.usecase';
import { OpenConsultation } from '../consultations/usecases/open-consultation/open-consultation.usecase';
import { RescheduleConsultation } from '../consultations/usecases/reschedule-consultation/reschedule-consultation.usecase';

/**
 * Appointments, as scheduling announces them (one consumer per event type in a service): every
 * one is recorded for clinical access (who treats whom), and online ones drive their consultation
 * sessions (flows 3 and 4).
 */
@Injectable()
export class AppointmentEventsConsumer {
  constructor(
    private readonly appointments: CareAppointments,
    private readonly openConsultation: OpenConsultation,
    private readonly cancelConsultation: CancelConsultation,
    private readonly rescheduleConsultation: RescheduleConsultation,
  ) {}

  @OnEvent(SchedulingEvents.appointmentConfirmed)
  async confirmed(e: EventEnvelope<AppointmentConfirmedV1>): Promise<void> {
    await this.appointments.record(e);
    await this.openConsultation.execute(e);
  }

  @OnEvent(SchedulingEvents.appointmentCancelled)
  async cancelled(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    await this.appointments.record(e);
    await this.cancelConsultation.execute(e);
  }

  @OnEvent(SchedulingEvents.appointmentRescheduled)
  async rescheduled(e: EventEnvelope<AppointmentRescheduledV1>): Promise<void> {
    await this.appointments.record(e);
    await this.rescheduleConsultation.execute(e);
  }

  @OnEvent(SchedulingEvents.appointmentHeld)
  held(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }

  @OnEvent(SchedulingEvents.appointmentDeclined)
  declined(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }

  @OnEvent(SchedulingEvents.appointmentStarted)
  started(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }

  @OnEvent(SchedulingEvents.appointmentCompleted)
  completed(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }

  @OnEvent(SchedulingEvents.appointmentNoShow)
  noShow(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }

  @OnEvent(SchedulingEvents.appointmentHoldExpired)
  holdExpired(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    return this.appointments.record(e);
  }
}
