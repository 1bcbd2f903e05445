import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, IdentityRpc, SchedulingRpc, type ClinicView, type DoctorProfileView } from '@telehealth/contracts';
import { DomainError, RpcClient, type RequestMeta } from '@telehealth/messaging';
import { MedicalRecordStore } from '../records/medical-record.store';
import { RecordCodec } from '../records/record-codec';
import type { PatientFacts, RecordFacts } from './snapshots';

/**
 * What a prescription freezes at signing, read from its owners at that moment: the patient (or
 * the dependent) from identity, the doctor and the appointment's clinic from scheduling, the
 * allergies and latest weight from the patient's medical record (kept here). When identity or
 * scheduling cannot answer, signing waits (503): a prescription is never issued with holes.
 */
@Injectable()
export class PrescriptionSources {
  constructor(
    private readonly rpc: RpcClient,
    private readonly records: MedicalRecordStore,
    private readonly codec: RecordCodec,
  ) {}

  /** What the patient's medical record says matters to a prescription. */
  async record(patientId: string, dependentId: string | null): Promise<RecordFacts> {
    const view = this.codec.view(await this.records.load(patientId, dependentId), patientId, dependentId);
    // Newest first (the codec sorts them): the latest weight taken.
    const weighed = view.vitals.find((v) => typeof v.weightKg === 'number');
    return { allergies: view.allergies.map((a) => a.substance), weightKg: weighed?.weightKg ?? null };
  }

  async patient(patientId: string, dependentId: string | null): Promise<PatientFacts> {
    const c = await this.rpc
      .call(
        IdentityRpc.userContact,
        { userId: patientId, ...(dependentId && { dependentId }) },
        { requestId: randomUUID() },
      )
      .catch((err: unknown) => {
        throw unavailable(err, "The patient's details");
      });
    const person = dependentId ? c.dependent : c;
    if (!person) throw DomainError.unavailable("The dependent's details cannot be read", 'IDENTITY_UNAVAILABLE');
    return {
      firstName: person.firstName,
      lastName: person.lastName,
      dateOfBirth: person.dateOfBirth ?? null,
      gender: person.gender ?? null,
    };
  }

  /** The doctor's profile as the doctor themself reads it (an inactive profile too), and the clinic. */
  async doctor(
    doctorId: string,
    clinicId: string | null,
    meta: RequestMeta,
  ): Promise<{ profile: DoctorProfileView; clinic: ClinicView | null }> {
    const [profile, clinic] = await Promise.all([
      this.rpc.call(SchedulingRpc.getDoctor, { id: doctorId }, meta),
      clinicId ? this.rpc.call(SchedulingRpc.getClinic, { id: clinicId }, meta).catch(() => null) : null,
    ]).catch((err: unknown) => {
      throw unavailable(err, "The doctor's profile");
    });
    return { profile, clinic };
  }
}

function unavailable(err: unknown, what: string): DomainError {
  if (err instanceof DomainError && err.code === ErrorCode.UNAVAILABLE) return err;
  return DomainError.unavailable(`${what} cannot be read right now; retry shortly`, 'IDENTITY_UNAVAILABLE');
}
