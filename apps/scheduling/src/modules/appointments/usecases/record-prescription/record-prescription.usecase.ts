import { Injectable } from '@nestjs/common';
import { DomainError } from '@telehealth/messaging';
import { AppointmentChanges } from '../../appointment-changes';
import { AppointmentStore } from '../../appointment.store';
import { Action, nextStatus } from '../../lifecycle';

const MAX_ATTEMPTS = 10;

/**
 * teleconsultation issued a prescription for the appointment (seed 001 `hasPrescription`): the
 * appointment says so, and names the first one, through its log like every change (the status
 * stays). Idempotent: an appointment that already has a prescription changes nothing; a change that lost a race with
 * another (a start, a completion) is made again on the new state.
 */
@Injectable()
export class RecordPrescription {
  constructor(
    private readonly store: AppointmentStore,
    private readonly changes: AppointmentChanges,
  ) {}

  async execute(r: { appointmentId: string; prescriptionId: string; correlationId: string }): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const a = await this.store.load(r.appointmentId);
      if (!a || a.hasPrescription) return;
      if (!nextStatus(a.status, Action.RECORD_PRESCRIPTION)) return;
      try {
        await this.changes.apply(a, Action.RECORD_PRESCRIPTION, {
          set: { hasPrescription: true, prescriptionId: r.prescriptionId },
          requestId: r.correlationId,
        });
        return;
      } catch (err) {
        // Another change was logged from the same version: decide again on what it left.
        if (!(err instanceof DomainError && err.options.reason === 'CONCURRENT_CHANGE')) throw err;
      }
    }
    throw new Error(`Appointment ${r.appointmentId}: could not record prescription ${r.prescriptionId}`);
  }
}
