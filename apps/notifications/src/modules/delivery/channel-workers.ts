import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotificationChannel } from '@telehealth/contracts';
import { OnJob, type Job } from '@telehealth/jobs';
import { NotificationQueues, type ChannelJob } from '../../queues';
import { DeliveryLog } from './delivery-log';
import { DeliveryQueues } from './delivery-queues';
import { SUPPRESSION_MODEL, type SuppressionDoc } from './delivery.schema';
import { processDelivery, type DeliveryDeps, type DeliveryOutcome } from './process-delivery';
import { EmailSender, PushProvider, SmsProvider } from './providers';

/**
 * The handlers of the channel queues (each queue's worker has its own rate limit, see
 * notificationQueues); they only call processDelivery.
 */
@Injectable()
export class ChannelWorkers {
  private readonly deps: DeliveryDeps;

  constructor(
    queues: DeliveryQueues,
    log: DeliveryLog,
    email: EmailSender,
    sms: SmsProvider,
    push: PushProvider,
    @InjectModel(SUPPRESSION_MODEL) suppressions: Model<SuppressionDoc>,
  ) {
    this.deps = {
      send: (job) =>
        job.channel === NotificationChannel.EMAIL
          ? email.send(job)
          : job.channel === NotificationChannel.SMS
            ? sms.send(job)
            : push.send(job),
      log,
      isSuppressed: async (userId) => (await suppressions.exists({ _id: userId })) !== null,
      deadLetter: (entry) => queues.deadLetter(entry),
    };
  }

  @OnJob(NotificationQueues.email)
  email(job: Job<ChannelJob>): Promise<DeliveryOutcome> {
    return processDelivery(job, this.deps);
  }

  @OnJob(NotificationQueues.sms)
  sms(job: Job<ChannelJob>): Promise<DeliveryOutcome> {
    return processDelivery(job, this.deps);
  }

  @OnJob(NotificationQueues.push)
  push(job: Job<ChannelJob>): Promise<DeliveryOutcome> {
    return processDelivery(job, this.deps);
  }
}
