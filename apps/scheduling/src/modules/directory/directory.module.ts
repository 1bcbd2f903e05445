import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CLINIC_MODEL, ClinicSchema } from './clinic.schema';
import { ClinicsController } from './clinics.controller';
import { ClinicsService } from './clinics.service';
import { DoctorAccountsConsumer } from './doctor-accounts.consumer';
import { DOCTOR_PROFILE_MODEL, DoctorProfileSchema } from './doctor-profile.schema';
import { DoctorProfilesService } from './doctor-profiles.service';
import { DoctorsController } from './doctors.controller';
import { SpecialtiesController } from './specialties.controller';
import { SpecialtiesService } from './specialties.service';
import { SPECIALTY_MODEL, SpecialtySchema } from './specialty.schema';

/** The public directory: specialties, clinics and doctor profiles (searched through the search module). */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SPECIALTY_MODEL, schema: SpecialtySchema },
      { name: CLINIC_MODEL, schema: ClinicSchema },
      { name: DOCTOR_PROFILE_MODEL, schema: DoctorProfileSchema },
    ]),
  ],
  controllers: [SpecialtiesController, ClinicsController, DoctorsController],
  providers: [SpecialtiesService, ClinicsService, DoctorProfilesService, DoctorAccountsConsumer],
  exports: [ClinicsService, DoctorProfilesService, MongooseModule],
})
export class DirectoryModule {}
