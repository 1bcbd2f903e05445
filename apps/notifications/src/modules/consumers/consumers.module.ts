import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { AppointmentNotificationsConsumer } from './appointments.consumer';
import { ConsultationNotificationsConsumer } from './consultations.consumer';
import { IdentityNotificationsConsumer } from './identity.consumer';
import { PaymentNotificationsConsumer } from './payments.consumer';
import { ThreadNotificationsConsumer } from './threads.consumer';
import { PrescriptionNotificationsConsumer } from './prescriptions.consumer';

type Imported = NonNullable<ModuleMetadata['imports']>[number];

/**
 * The domain events this service reacts to (identity's, scheduling's, payments',
 * teleconsultation's), each turned
 * into notices for the dispatcher. `dispatch`, `recipients` and `reminders` are the registered
 * modules of those names.
 */
@Module({})
export class ConsumersModule {
  static register(dispatch: Imported, recipients: Imported, reminders: Imported): DynamicModule {
    return {
      module: ConsumersModule,
      imports: [dispatch, recipients, reminders, SuppressionsModule],
      providers: [
        IdentityNotificationsConsumer,
        AppointmentNotificationsConsumer,
        ConsultationNotificationsConsumer,
        PaymentNotificationsConsumer,
        ThreadNotificationsConsumer,
        PrescriptionNotificationsConsumer,
      ],
    };
  }
}
