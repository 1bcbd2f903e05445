import { Injectable } from '@nestjs/common';
import {
  SchedulingEvents,
  type AppointmentCancelledV1,
  type AppointmentConfirmedV1,
  type AppointmentDeclinedV1,
  type AppointmentHeldV1,
  type AppointmentHoldExpiredV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { PaymentsService } from './payments.service';

/** Scheduling's side of the booking saga, as it reaches the wallet. */
@Injectable()
export class BookingPaymentsConsumer {
  constructor(private readonly payments: PaymentsService) {}

  @OnEvent(SchedulingEvents.appointmentHeld)
  held(e: EventEnvelope<AppointmentHeldV1>): Promise<void> {
    return this.payments.onHeld(e.payload, e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentConfirmed)
  confirmed(e: EventEnvelope<AppointmentConfirmedV1>): Promise<void> {
    return this.payments.onConfirmed(e.payload.appointmentId, e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentHoldExpired)
  expired(e: EventEnvelope<AppointmentHoldExpiredV1>): Promise<void> {
    return this.payments.onVoided(e.payload.appointmentId, 'appointment.hold-expired', e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentDeclined)
  declined(e: EventEnvelope<AppointmentDeclinedV1>): Promise<void> {
    return this.payments.onVoided(e.payload.appointmentId, 'appointment.declined', e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentCancelled)
  cancelled(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    return this.payments.onCancelled(e.payload, new Date(e.occurredAt), e.correlationId);
  }
}
