import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ClinicalRpc,
  type AddOwnEntriesRequest,
  type AddPatientEntriesRequest,
  type OwnRecordQuery,
  type PatientRecordQuery,
  type UpdateOwnRecordRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AddOwnEntries } from './usecases/add-own-entries/add-own-entries.usecase';
import { AddPatientEntries } from './usecases/add-patient-entries/add-patient-entries.usecase';
import { GetOwnRecord } from './usecases/get-own-record/get-own-record.usecase';
import { GetPatientRecord } from './usecases/get-patient-record/get-patient-record.usecase';
import { UpdateOwnRecord } from './usecases/update-own-record/update-own-record.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class RecordsController {
  constructor(
    private readonly getOwnRecord: GetOwnRecord,
    private readonly updateOwnRecord: UpdateOwnRecord,
    private readonly addOwnEntries: AddOwnEntries,
    private readonly getPatientRecord: GetPatientRecord,
    private readonly addPatientEntries: AddPatientEntries,
  ) {}

  @Rpc(ClinicalRpc.ownRecord)
  own(@Payload() q: OwnRecordQuery, @Meta() m: RequestMeta) {
    return this.getOwnRecord.execute(q, m);
  }

  @Rpc(ClinicalRpc.updateOwnRecord)
  updateOwn(@Payload() req: UpdateOwnRecordRequest, @Meta() m: RequestMeta) {
    return this.updateOwnRecord.execute(req, m);
  }

  @Rpc(ClinicalRpc.addOwnEntries)
  addOwn(@Payload() req: AddOwnEntriesRequest, @Meta() m: RequestMeta) {
    return this.addOwnEntries.execute(req, m);
  }

  @Rpc(ClinicalRpc.patientRecord)
  patient(@Payload() q: PatientRecordQuery, @Meta() m: RequestMeta) {
    return this.getPatientRecord.execute(q, m);
  }

  @Rpc(ClinicalRpc.addPatientEntries)
  addPatient(@Payload() req: AddPatientEntriesRequest, @Meta() m: RequestMeta) {
    return this.addPatientEntries.execute(req, m);
  }
}
