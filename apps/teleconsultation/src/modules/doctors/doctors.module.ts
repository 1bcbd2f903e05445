import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DoctorDirectory } from './doctor-directory';
import { DoctorProfilesConsumer } from './doctor-profiles.consumer';
import { DOCTOR_MODEL, DoctorSchema } from './doctor.schema';

/** The doctors teleconsultation knows, kept from scheduling's events (no reads of its database). */
@Module({
  imports: [MongooseModule.forFeature([{ name: DOCTOR_MODEL, schema: DoctorSchema }])],
  providers: [DoctorDirectory, DoctorProfilesConsumer],
  exports: [DoctorDirectory],
})
export class DoctorsModule {}
