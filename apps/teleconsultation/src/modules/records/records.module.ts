import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';
import { CareModule } from '../care/care.module';
import { MEDICAL_RECORD_MODEL, MedicalRecordSchema } from './medical-record.schema';
import { MedicalRecordStore } from './medical-record.store';
import { RecordCodec } from './record-codec';
import { RecordOwner } from './record-owner';
import { RecordsController } from './records.controller';
import { AddOwnEntries } from './usecases/add-own-entries/add-own-entries.usecase';
import { AddPatientEntries } from './usecases/add-patient-entries/add-patient-entries.usecase';
import { GetOwnRecord } from './usecases/get-own-record/get-own-record.usecase';
import { GetPatientRecord } from './usecases/get-patient-record/get-patient-record.usecase';
import { UpdateOwnRecord } from './usecases/update-own-record/update-own-record.usecase';

/** Medical records (seed 004): the history a patient writes and what treating doctors add. */
@Module({
  imports: [MongooseModule.forFeature([{ name: MEDICAL_RECORD_MODEL, schema: MedicalRecordSchema }]), CareModule],
  controllers: [RecordsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    MedicalRecordStore,
    RecordCodec,
    RecordOwner,
    GetOwnRecord,
    UpdateOwnRecord,
    AddOwnEntries,
    GetPatientRecord,
    AddPatientEntries,
  ],
  exports: [MedicalRecordStore, RecordCodec],
})
export class RecordsModule {}
