import { Injectable } from '@nestjs/common';
import { NotificationChannel } from '@telehealth/contracts';
import { OnJob, type Job } from '@telehealth/jobs';
import { NotificationQueues, type ChannelJob } from '../../queues';
import { SuppressionsRepository } from '../suppressions/suppressions.repository';
import { DeliveryLog } from './delivery-log';
import { DeliveryQueues } from './delivery-queues';
import { processDelivery, type DeliveryDeps, type DeliveryOutcome } from './process-delivery';
import { EmailSender, PushProvider, SmsProvider } from './providers';

/**
 * The handlers of the channel queues (each queue's worker has its own rate limit, see
 * channelQueues); they only call processDelivery.
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
    suppressions: SuppressionsRepository,
  ) {
    this.deps = {
      send: (job) =>
        job.channel === NotificationChannel.EMAIL
          ? email.send(job)
          : job.channel === NotificationChannel.SMS
            ? sms.send(job)
            : push.send(job),
      log,
      isSuppressed: (userId) => suppressions.isSuppressed(userId),
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
