import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { JobsModule } from '@telehealth/jobs';
import { ServiceKitModule } from '@telehealth/service-kit';
import { NotificationsConfig } from './config/notifications.config';
import { ConsumersModule } from './modules/consumers/consumers.module';
import { DELIVERY_PORTS, DeliveryModule } from './modules/delivery/delivery.module';
import { DispatchModule } from './modules/dispatch/dispatch.module';
import { InboxModule } from './modules/inbox/inbox.module';
import { PreferencesModule } from './modules/preferences/preferences.module';
import { RECIPIENT_PORTS, RecipientsModule } from './modules/recipients/recipients.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { SuppressionsModule } from './modules/suppressions/suppressions.module';
import { checkOverrides } from './overrides';

export interface NotificationsModuleOptions {
  /** Prefix of the durable consumers (tests isolate with their own). */
  consumerGroup?: string;
  /**
   * Replaces a provider that reaches outside the service (tests: a contact directory that does
   * not need identity): the email sender, the SMS and push providers, the contact directory.
   */
  overrides?: Provider[];
}

/**
 * Notifications: consumes the domain events, renders templates, applies preferences and quiet
 * hours, and delivers through per-channel BullMQ queues (email over SMTP, SMS and push through
 * providers, the in-app inbox), with reminders before appointments and a delivery log. One Nest
 * module per concept folder; each owns its collections through its repositories (the only
 * classes that inject a Model: see the lint rule).
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    const overrides = options.overrides ?? [];
    checkOverrides(overrides, [...DELIVERY_PORTS, ...RECIPIENT_PORTS]);
    const recipients = RecipientsModule.register(overrides);
    const delivery = DeliveryModule.register(config, overrides);
    const dispatch = DispatchModule.register(delivery, recipients);
    const reminders = RemindersModule.register(dispatch, recipients);
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
        SuppressionsModule,
        PreferencesModule,
        InboxModule,
        recipients,
        delivery,
        dispatch,
        reminders,
        ConsumersModule.register(dispatch, recipients, reminders),
      ],
    };
  }
}
