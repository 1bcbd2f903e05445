import { Injectable } from '@nestjs/common';
import { ClinicalResourceKind, type MedicalRecordView, type PatientRecordQuery } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { ClinicalAccess } from '../../../care/clinical-access';
import { MedicalRecordStore, recordIdOf } from '../../medical-record.store';
import { RecordCodec } from '../../record-codec';

/** A patient's record for a treating doctor, or an admin who states why; audited; 404 to anyone else. */
@Injectable()
export class GetPatientRecord {
  constructor(
    private readonly store: MedicalRecordStore,
    private readonly codec: RecordCodec,
    private readonly access: ClinicalAccess,
  ) {}

  async execute(q: PatientRecordQuery, meta: RequestMeta): Promise<MedicalRecordView> {
    const dependentId = q.dependentId ?? null;
    await this.access.read(requireCaller(meta), {
      patientId: q.patientId,
      dependentId,
      kind: ClinicalResourceKind.MEDICAL_RECORD,
      id: recordIdOf(q.patientId, dependentId),
      reason: q.accessReason,
    });
    return this.codec.view(await this.store.load(q.patientId, dependentId), q.patientId, dependentId);
  }
}
