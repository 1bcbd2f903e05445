import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { withOverrides } from '../../overrides';
import { DOCTOR_MODEL, DoctorSchema } from './doctor.schema';
import { DoctorsRepository } from './doctors.repository';
import { ContactDirectory, DoctorDirectory, IdentityContactDirectory } from './recipients';

/** What tests may replace in this module (see NotificationsModuleOptions.overrides). */
export const RECIPIENT_PORTS = [ContactDirectory];

/**
 * Who a message goes to: users' contact details (identity's, asked over RPC, never stored) and
 * the doctor profiles this service keeps from scheduling's and identity's events.
 */
@Module({})
export class RecipientsModule {
  static register(overrides: Provider[] = []): DynamicModule {
    return {
      module: RecipientsModule,
      imports: [MongooseModule.forFeature([{ name: DOCTOR_MODEL, schema: DoctorSchema }])],
      providers: [
        ...withOverrides([{ provide: ContactDirectory, useClass: IdentityContactDirectory }], overrides),
        DoctorsRepository,
        DoctorDirectory,
      ],
      exports: [ContactDirectory, DoctorDirectory],
    };
  }
}
