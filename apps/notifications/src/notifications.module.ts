import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { ServiceKitModule } from '@telehealth/service-kit';
import { NotificationsConfig } from './config/notifications.config';
import { AppointmentNotificationsConsumer } from './modules/consumers/appointments.consumer';
import { IdentityNotificationsConsumer } from './modules/consumers/identity.consumer';
import { PaymentNotificationsConsumer } from './modules/consumers/payments.consumer';
import { NotificationsAdminController } from './modules/delivery/admin.controller';
import { ChannelWorkers } from './modules/delivery/channel-workers';
import { DeliveryLog } from './modules/delivery/delivery-log';
import { DeliveryQueues } from './modules/delivery/delivery-queues';
import {
  DELIVERY_MODEL,
  DeliverySchema,
  SANDBOX_MESSAGE_MODEL,
  SUPPRESSION_MODEL,
  SandboxMessageSchema,
  SuppressionSchema,
} from './modules/delivery/delivery.schema';
import {
  EmailSender,
  LogEmailSender,
  PushProvider,
  SandboxPushProvider,
  SandboxRecorder,
  SandboxSmsProvider,
  SmsProvider,
  SmtpEmailSender,
} from './modules/delivery/providers';
import { Dispatcher } from './modules/dispatch/dispatcher';
import { InboxController } from './modules/inbox/inbox.controller';
import { INBOX_ITEM_MODEL, InboxItemSchema } from './modules/inbox/inbox.schema';
import { InboxService } from './modules/inbox/inbox.service';
import { PreferencesController } from './modules/preferences/preferences.controller';
import {
  ORGANISATION_PREFERENCES_MODEL,
  OrganisationPreferencesSchema,
  USER_PREFERENCES_MODEL,
  UserPreferencesSchema,
} from './modules/preferences/preferences.schema';
import { PreferencesService } from './modules/preferences/preferences.service';
import {
  ContactDirectory,
  DOCTOR_MODEL,
  DoctorDirectory,
  DoctorSchema,
  IdentityContactDirectory,
} from './modules/recipients/recipients';
import {
  APPOINTMENT_STATE_MODEL,
  AppointmentStateSchema,
  AppointmentStates,
} from './modules/reminders/appointment-state';
import { ReminderScheduler } from './modules/reminders/reminder-scheduler';
import { ReminderWorker } from './modules/reminders/reminder-worker';
import { notificationQueues } from './queues';

export interface NotificationsModuleOptions {
  /** Prefix of the durable consumers (tests isolate with their own). */
  consumerGroup?: string;
  /** Replaces a provider (tests: a contact directory that does not need identity). */
  overrides?: Provider[];
}

/**
 * Notifications: consumes the domain events, renders templates, applies preferences and quiet
 * hours, and delivers through per-channel BullMQ queues (email over SMTP, SMS and push through
 * providers, the in-app inbox), with reminders before appointments and a delivery log.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    const overridden = new Set((options.overrides ?? []).map((p) => (typeof p === 'function' ? p : p.provide)));
    const providers: Provider[] = [
      { provide: EmailSender, useClass: config.EMAIL_TRANSPORT === 'log' ? LogEmailSender : SmtpEmailSender },
      { provide: SmsProvider, useClass: SandboxSmsProvider },
      { provide: PushProvider, useClass: SandboxPushProvider },
      { provide: ContactDirectory, useClass: IdentityContactDirectory },
    ].filter((p) => !overridden.has(p.provide));
    return {
      module: NotificationsModule,
      imports: [
        ServiceKitModule.forRoot({
          service: 'notifications',
          config,
          configClass: NotificationsConfig,
          consumerGroup: options.consumerGroup,
        }),
        JobsModule.forRoot(config),
        JobsModule.forFeature(notificationQueues(config)),
        MongooseModule.forFeature([
          { name: DELIVERY_MODEL, schema: DeliverySchema },
          { name: SUPPRESSION_MODEL, schema: SuppressionSchema },
          { name: SANDBOX_MESSAGE_MODEL, schema: SandboxMessageSchema },
          { name: INBOX_ITEM_MODEL, schema: InboxItemSchema },
          { name: USER_PREFERENCES_MODEL, schema: UserPreferencesSchema },
          { name: ORGANISATION_PREFERENCES_MODEL, schema: OrganisationPreferencesSchema },
          { name: DOCTOR_MODEL, schema: DoctorSchema },
          { name: APPOINTMENT_STATE_MODEL, schema: AppointmentStateSchema },
        ]),
      ],
      controllers: [InboxController, PreferencesController, NotificationsAdminController],
      providers: [
        ...providers,
        ...(options.overrides ?? []),
        SandboxRecorder,
        DeliveryLog,
        DeliveryQueues,
        ChannelWorkers,
        InboxService,
        PreferencesService,
        DoctorDirectory,
        Dispatcher,
        AppointmentStates,
        ReminderScheduler,
        ReminderWorker,
        IdentityNotificationsConsumer,
        AppointmentNotificationsConsumer,
        PaymentNotificationsConsumer,
      ],
    };
  }
}
