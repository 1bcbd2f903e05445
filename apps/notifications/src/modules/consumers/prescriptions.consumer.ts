import { Injectable } from '@nestjs/common';
import {
  NotificationKind,
  ClinicalEvents,
  type EventEnvelope,
  type PrescriptionCancelledV1,
  type PrescriptionEventBase,
  type PrescriptionIssuedV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { NotificationsConfig, prescriptionLink } from '../../config/notifications.config';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { DoctorDirectory } from '../recipients/recipients';

type PrescriptionKindOfNotice = NotificationKind.PRESCRIPTION_ISSUED | NotificationKind.PRESCRIPTION_CANCELLED;

/**
 * The patient (the account holder, also for a dependent's) is told when a prescription is issued
 * and when it is cancelled: its number, its doctor and where to read it; never what it prescribes.
 */
@Injectable()
export class PrescriptionNotificationsConsumer {
  constructor(
    private readonly config: NotificationsConfig,
    private readonly dispatcher: Dispatcher,
    private readonly doctors: DoctorDirectory,
  ) {}

  private async notify(e: EventEnvelope<PrescriptionEventBase>, kind: PrescriptionKindOfNotice): Promise<void> {
    const p = e.payload;
    const doctor = await this.doctors.find(p.doctorId);
    await this.dispatcher.send({
      kind,
      userId: p.patientId,
      ...causedBy(e),
      data: { prescriptionId: p.prescriptionId, appointmentId: p.appointmentId },
      vars: (r) => ({
        firstName: r.firstName,
        doctorName: doctor?.displayName ?? 'Your doctor',
        number: p.number,
        link: prescriptionLink(this.config, p.prescriptionId),
      }),
    });
  }

  @OnEvent(ClinicalEvents.prescriptionIssued)
  issued(e: EventEnvelope<PrescriptionIssuedV1>): Promise<void> {
    return this.notify(e, NotificationKind.PRESCRIPTION_ISSUED);
  }

  @OnEvent(ClinicalEvents.prescriptionCancelled)
  cancelled(e: EventEnvelope<PrescriptionCancelledV1>): Promise<void> {
    return this.notify(e, NotificationKind.PRESCRIPTION_CANCELLED);
  }
}
