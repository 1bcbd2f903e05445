import { Injectable } from '@nestjs/common';
import { ClinicalEvents, type EventEnvelope, type PrescriptionIssuedV1 } from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { RecordPrescription } from './usecases/record-prescription/record-prescription.usecase';

/** An appointment has a prescription once teleconsultation issues one for it. */
@Injectable()
export class PrescriptionsConsumer {
  constructor(private readonly record: RecordPrescription) {}

  @OnEvent(ClinicalEvents.prescriptionIssued)
  issued(e: EventEnvelope<PrescriptionIssuedV1>): Promise<void> {
    return this.record.execute({
      appointmentId: e.payload.appointmentId,
      prescriptionId: e.payload.prescriptionId,
      correlationId: e.correlationId,
    });
  }
}
