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
import { CapturePayment } from './usecases/capture-payment/capture-payment.usecase';
import { HoldPayment } from './usecases/hold-payment/hold-payment.usecase';
import { RefundPayment } from './usecases/refund-payment/refund-payment.usecase';
import { ReleasePayment } from './usecases/release-payment/release-payment.usecase';

/** Scheduling's side of the booking saga, as it reaches the wallet: each event is one use case. */
@Injectable()
export class BookingPaymentsConsumer {
  constructor(
    private readonly holdPayment: HoldPayment,
    private readonly capturePayment: CapturePayment,
    private readonly releasePayment: ReleasePayment,
    private readonly refundPayment: RefundPayment,
  ) {}

  @OnEvent(SchedulingEvents.appointmentHeld)
  held(e: EventEnvelope<AppointmentHeldV1>): Promise<void> {
    return this.holdPayment.execute(e.payload, e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentConfirmed)
  confirmed(e: EventEnvelope<AppointmentConfirmedV1>): Promise<void> {
    return this.capturePayment.execute(e.payload.appointmentId, e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentHoldExpired)
  expired(e: EventEnvelope<AppointmentHoldExpiredV1>): Promise<void> {
    return this.releasePayment.execute(e.payload.appointmentId, 'appointment.hold-expired', e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentDeclined)
  declined(e: EventEnvelope<AppointmentDeclinedV1>): Promise<void> {
    return this.releasePayment.execute(e.payload.appointmentId, 'appointment.declined', e.correlationId);
  }

  @OnEvent(SchedulingEvents.appointmentCancelled)
  cancelled(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    return this.refundPayment.execute(e.payload, new Date(e.occurredAt), e.correlationId);
  }
}
