import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, SystemClock } from '@telehealth/service-kit';
import { CareModule } from '../care/care.module';
import { FilesModule } from '../files/files.module';
import { RecordsModule } from '../records/records.module';
import { PrescriptionAccess } from './prescription-access';
import { PrescriptionChanges } from './prescription-changes';
import { PrescriptionSources } from './prescription-sources';
import {
  PRESCRIPTION_CODE_MODEL,
  PRESCRIPTION_MODEL,
  PrescriptionCodeSchema,
  PrescriptionSchema,
} from './prescription.schema';
import { PrescriptionStore } from './prescription.store';
import { PrescriptionsController } from './prescriptions.controller';
import { CancelPrescription } from './usecases/cancel-prescription/cancel-prescription.usecase';
import { CreatePrescription } from './usecases/create-prescription/create-prescription.usecase';
import { GetPrescription } from './usecases/get-prescription/get-prescription.usecase';
import { ListPrescriptions } from './usecases/list-prescriptions/list-prescriptions.usecase';
import { RenderPrescriptionPdf } from './usecases/render-prescription-pdf/render-prescription-pdf.usecase';
import { SignPrescription } from './usecases/sign-prescription/sign-prescription.usecase';
import { UpdatePrescription } from './usecases/update-prescription/update-prescription.usecase';
import { VerifyPrescription } from './usecases/verify-prescription/verify-prescription.usecase';

/**
 * Prescriptions (issue 11 §3): drafts by the appointment's doctor, signed once with the patient
 * and doctor frozen and a verification code, printable, cancellable (never deleted), read through
 * ClinicalAccess, medical fields sealed with MedicalCipher, issued/cancelled events from the outbox.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PRESCRIPTION_MODEL, schema: PrescriptionSchema },
      { name: PRESCRIPTION_CODE_MODEL, schema: PrescriptionCodeSchema },
    ]),
    CareModule,
    FilesModule,
    RecordsModule,
  ],
  controllers: [PrescriptionsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    PrescriptionStore,
    PrescriptionChanges,
    PrescriptionAccess,
    PrescriptionSources,
    CreatePrescription,
    UpdatePrescription,
    SignPrescription,
    CancelPrescription,
    GetPrescription,
    ListPrescriptions,
    RenderPrescriptionPdf,
    VerifyPrescription,
  ],
})
export class PrescriptionsModule {}
