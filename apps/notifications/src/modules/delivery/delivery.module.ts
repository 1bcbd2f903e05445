import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import type { NotificationsConfig } from '../../config/notifications.config';
import { withOverrides } from '../../overrides';
import { channelQueues } from '../../queues';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { NotificationsAdminController } from './admin.controller';
import { ChannelWorkers } from './channel-workers';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryLog } from './delivery-log';
import { DeliveryQueues } from './delivery-queues';
import { DELIVERY_MODEL, DeliverySchema, SANDBOX_MESSAGE_MODEL, SandboxMessageSchema } from './delivery.schema';
import {
  EmailSender,
  LogEmailSender,
  PushProvider,
  SandboxPushProvider,
  SandboxRecorder,
  SandboxSmsProvider,
  SmsProvider,
  SmtpEmailSender,
} from './providers';
import { SandboxMessagesRepository } from './sandbox-messages.repository';

/** What tests may replace in this module (see NotificationsModuleOptions.overrides). */
export const DELIVERY_PORTS = [EmailSender, SmsProvider, PushProvider];

/**
 * Delivering messages: the delivery log, the per-channel queues (rate-limited, retried, dead
 * letters) and their workers, the email, SMS and push providers, and the operators' view.
 */
@Module({})
export class DeliveryModule {
  static register(config: NotificationsConfig, overrides: Provider[] = []): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [
        SuppressionsModule,
        MongooseModule.forFeature([
          { name: DELIVERY_MODEL, schema: DeliverySchema },
          { name: SANDBOX_MESSAGE_MODEL, schema: SandboxMessageSchema },
        ]),
        JobsModule.forFeature(channelQueues(config)),
      ],
      controllers: [NotificationsAdminController],
      providers: [
        ...withOverrides(
          [
            { provide: EmailSender, useClass: config.EMAIL_TRANSPORT === 'log' ? LogEmailSender : SmtpEmailSender },
            { provide: SmsProvider, useClass: SandboxSmsProvider },
            { provide: PushProvider, useClass: SandboxPushProvider },
          ],
          overrides,
        ),
        DeliveriesRepository,
        SandboxMessagesRepository,
        SandboxRecorder,
        DeliveryLog,
        DeliveryQueues,
        ChannelWorkers,
      ],
      exports: [DeliveryLog, DeliveryQueues],
    };
  }
}
