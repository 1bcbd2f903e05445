import { Injectable } from '@nestjs/common';
import {
  SchedulingEvents,
  type AppointmentCancelledV1,
  type AppointmentConfirmedV1,
  type AppointmentRescheduledV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { CancelConsultation } from './usecases/cancel-consultation/cancel-consultation.usecase';
import { OpenConsultation } from './usecases/open-consultation/open-consultation.usecase';
import { RescheduleConsultation } from './usecases/reschedule-consultation/reschedule-consultation.usecase';

/** Online appointments, as scheduling announces them: their sessions follow (flows 3 and 4). */
@Injectable()
export class AppointmentEventsConsumer {
  constructor(
    private readonly openConsultation: OpenConsultation,
    private readonly cancelConsultation: CancelConsultation,
    private readonly rescheduleConsultation: RescheduleConsultation,
  ) {}

  @OnEvent(SchedulingEvents.appointmentConfirmed)
  confirmed(e: EventEnvelope<AppointmentConfirmedV1>): Promise<void> {
    return this.openConsultation.execute(e);
  }

  @OnEvent(SchedulingEvents.appointmentCancelled)
  cancelled(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    return this.cancelConsultation.execute(e);
  }

  @OnEvent(SchedulingEvents.appointmentRescheduled)
  rescheduled(e: EventEnvelope<AppointmentRescheduledV1>): Promise<void> {
    return this.rescheduleConsultation.execute(e);
  }
}
