import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { REMINDER_QUEUES } from '../../queues';
import { APPOINTMENT_STATE_MODEL, AppointmentStateSchema } from './appointment-state.schema';
import { AppointmentStates } from './appointment-state';
import { AppointmentStatesRepository } from './appointment-states.repository';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderWorker } from './reminder-worker';

type Imported = NonNullable<ModuleMetadata['imports']>[number];

/**
 * Reminders before appointments: the appointments' latest known state (from scheduling's
 * events), one delayed job per confirmed appointment and offset, and the worker that sends a
 * due one. `dispatch` and `recipients` are the registered dispatch and recipients modules.
 */
@Module({})
export class RemindersModule {
  static register(dispatch: Imported, recipients: Imported): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        dispatch,
        recipients,
        MongooseModule.forFeature([{ name: APPOINTMENT_STATE_MODEL, schema: AppointmentStateSchema }]),
        JobsModule.forFeature(REMINDER_QUEUES),
      ],
      providers: [AppointmentStatesRepository, AppointmentStates, ReminderScheduler, ReminderWorker],
      exports: [AppointmentStates, ReminderScheduler],
    };
  }
}
