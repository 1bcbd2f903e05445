import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, SystemClock } from '@telehealth/service-kit';
import { MedicalCipher } from '../../common/medical-cipher';
import { AccessLogModule } from '../access-log/access-log.module';
import { CARE_APPOINTMENT_MODEL, CareAppointmentSchema } from './care-appointment.schema';
import { CareAppointments } from './care-appointments';
import { CareRelationships } from './care-relationships';
import { ClinicalAccess } from './clinical-access';

/**
 * Who treats whom: every appointment (recorded by the appointment-events consumer) and the rule
 * every clinical module reads patient data by (ClinicalAccess). Also hands out the one
 * MedicalCipher the clinical modules encrypt with.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema }]),
    AccessLogModule,
  ],
  providers: [
    { provide: Clock, useClass: SystemClock },
    MedicalCipher,
    CareAppointments,
    CareRelationships,
    ClinicalAccess,
  ],
  exports: [CareAppointments, CareRelationships, ClinicalAccess, MedicalCipher, AccessLogModule],
})
export class CareModule {}
