import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { REMINDER_QUEUES } from '../../queues';
import { APPOINTMENT_STATE_MODEL, AppointmentStateSchema } from './appointment-state.schema';
import { AppointmentStates } from './appointment-state';
import { AppointmentStatesRepository } from './appointment-states.repository';
import { CONSULTATION_STATE_MODEL, ConsultationStateSchema } from './consultation-state.schema';
import { ConsultationStates } from './consultation-state';
import { ConsultationStatesRepository } from './consultation-states.repository';
import { ConsultationReminderScheduler } from './consultation-reminder-scheduler';
import { ConsultationReminderWorker } from './consultation-reminder-worker';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderWorker } from './reminder-worker';

type Imported = NonNullable<ModuleMetadata['imports']>[number];

/**
 * Reminders before appointments: the appointments' latest known state (from scheduling's
 * events), one delayed job per confirmed appointment and offset, and the worker that sends a
 * due one. The same for online consultation sessions (teleconsultation's events): one reminder
 * with the join link shortly before the start. `dispatch` and `recipients` are the registered
 * dispatch and recipients modules.
 */
@Module({})
export class RemindersModule {
  static register(dispatch: Imported, recipients: Imported): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        dispatch,
        recipients,
        MongooseModule.forFeature([
          { name: APPOINTMENT_STATE_MODEL, schema: AppointmentStateSchema },
          { name: CONSULTATION_STATE_MODEL, schema: ConsultationStateSchema },
        ]),
        JobsModule.forFeature(REMINDER_QUEUES),
      ],
      providers: [
        AppointmentStatesRepository,
        AppointmentStates,
        ReminderScheduler,
        ReminderWorker,
        ConsultationStatesRepository,
        ConsultationStates,
        ConsultationReminderScheduler,
        ConsultationReminderWorker,
      ],
      exports: [AppointmentStates, ReminderScheduler, ConsultationStates, ConsultationReminderScheduler],
    };
  }
}
