import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Worker } from 'bullmq';
import type { Model } from 'mongoose';
import { NotificationChannel } from '@telehealth/contracts';
import { NotificationsConfig } from '../../config/notifications.config';
import { QUEUE_OF, type ChannelJob, type QueuedChannel } from '../../queues';
import { DeliveryLog } from './delivery-log';
import { DeliveryQueues } from './delivery-queues';
import { SUPPRESSION_MODEL, type SuppressionDoc } from './delivery.schema';
import { processDelivery, type DeliveryDeps } from './process-delivery';
import { EmailSender, PushProvider, SmsProvider } from './providers';

/** One worker per channel queue, each with its own rate limit; they only call processDelivery. */
@Injectable()
export class ChannelWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelWorkers.name);
  private readonly workers: Worker<ChannelJob>[] = [];
  private readonly connections: ReturnType<DeliveryQueues['connection']['duplicate']>[] = [];

  constructor(
    private readonly config: NotificationsConfig,
    private readonly queues: DeliveryQueues,
    private readonly log: DeliveryLog,
    private readonly email: EmailSender,
    private readonly sms: SmsProvider,
    private readonly push: PushProvider,
    @InjectModel(SUPPRESSION_MODEL) private readonly suppressions: Model<SuppressionDoc>,
  ) {}

  private deps(): DeliveryDeps {
    return {
      send: (job) =>
        job.channel === NotificationChannel.EMAIL
          ? this.email.send(job)
          : job.channel === NotificationChannel.SMS
            ? this.sms.send(job)
            : this.push.send(job),
      log: this.log,
      isSuppressed: async (userId) => (await this.suppressions.exists({ _id: userId })) !== null,
      deadLetter: (entry) => this.queues.deadLetter(entry),
    };
  }

  onApplicationBootstrap(): void {
    const rates: Record<QueuedChannel, number> = {
      [NotificationChannel.EMAIL]: this.config.EMAIL_RATE_PER_SECOND,
      [NotificationChannel.SMS]: this.config.SMS_RATE_PER_SECOND,
      [NotificationChannel.PUSH]: this.config.PUSH_RATE_PER_SECOND,
    };
    const deps = this.deps();
    for (const channel of Object.keys(rates) as QueuedChannel[]) {
      const connection = this.queues.connection.duplicate({ maxRetriesPerRequest: null });
      this.connections.push(connection);
      const worker = new Worker<ChannelJob>(QUEUE_OF[channel], (job) => processDelivery(job, deps), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: this.config.WORKER_CONCURRENCY,
        limiter: { max: rates[channel], duration: 1_000 },
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(`${channel} delivery ${job?.id} attempt ${job?.attemptsMade} failed: ${err.message}`),
      );
      worker.on('error', (err) => this.logger.error(`${channel} worker: ${err.message}`));
      this.workers.push(worker);
    }
  }

  /** Finishes the jobs in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
