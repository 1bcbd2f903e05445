import { Injectable } from '@nestjs/common';
import {
  AbsentParty,
  AppointmentStatus,
  CancelledBy,
  TeleconsultationEvents,
  type ConsultationNoShowV1,
  type ConsultationRequestAcceptedV1,
  type ConsultationRequestCancelledV1,
  type ConsultationRequestCreatedV1,
  type ConsultationRequestExpiredV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { CapturePayment } from './usecases/capture-payment/capture-payment.usecase';
import { HoldPayment } from './usecases/hold-payment/hold-payment.usecase';
import { RefundPayment } from './usecases/refund-payment/refund-payment.usecase';
import { ReleasePayment } from './usecases/release-payment/release-payment.usecase';

/**
 * Teleconsultation's on-demand requests, as they reach the wallet: the same hold, capture and
 * release as a booking's (the request's id stands where an appointment's would), paid from the
 * wallet; the outcome goes back as `payment.completed` / `payment.failed` with purpose
 * CONSULTATION_REQUEST.
 */
@Injectable()
export class ConsultationRequestPaymentsConsumer {
  constructor(
    private readonly holdPayment: HoldPayment,
    private readonly capturePayment: CapturePayment,
    private readonly releasePayment: ReleasePayment,
    private readonly refundPayment: RefundPayment,
  ) {}

  @OnEvent(TeleconsultationEvents.requestCreated)
  created(e: EventEnvelope<ConsultationRequestCreatedV1>): Promise<void> {
    const r = e.payload;
    return this.holdPayment.execute(
      {
        appointmentId: r.requestId,
        patientId: r.patientId,
        fee: r.fee,
        holdExpiresAt: r.expiresAt,
        paymentMethod: 'WALLET',
      },
      e.correlationId,
      'CONSULTATION_REQUEST',
    );
  }

  @OnEvent(TeleconsultationEvents.requestAccepted)
  accepted(e: EventEnvelope<ConsultationRequestAcceptedV1>): Promise<void> {
    return this.capturePayment.execute(e.payload.requestId, e.correlationId);
  }

  @OnEvent(TeleconsultationEvents.requestExpired)
  expired(e: EventEnvelope<ConsultationRequestExpiredV1>): Promise<void> {
    return this.releasePayment.execute(e.payload.requestId, 'consultation-request.expired', e.correlationId);
  }

  @OnEvent(TeleconsultationEvents.requestCancelled)
  cancelled(e: EventEnvelope<ConsultationRequestCancelledV1>): Promise<void> {
    return this.releasePayment.execute(e.payload.requestId, 'consultation-request.cancelled', e.correlationId);
  }

  /** The doctor who accepted never joined: the captured fee goes back in full, as for a booking the doctor cancels. */
  @OnEvent(TeleconsultationEvents.consultationNoShow)
  async noShow(e: EventEnvelope<ConsultationNoShowV1>): Promise<void> {
    const s = e.payload;
    if (!s.requestId || s.absent !== AbsentParty.DOCTOR) return;
    await this.refundPayment.execute(
      {
        appointmentId: s.requestId,
        previousStatus: AppointmentStatus.CONFIRMED,
        cancelledBy: CancelledBy.DOCTOR,
        start: s.scheduledStart,
      },
      new Date(e.occurredAt),
      e.correlationId,
    );
  }
}
