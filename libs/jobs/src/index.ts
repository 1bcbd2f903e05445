/**
 * @telehealth/jobs: delayed and retried jobs on BullMQ. An app declares its queues as typed
 * contracts (`defineQueue<Payload>(name)`), registers them (`JobsModule.forFeature`), adds jobs
 * through an injected `JobQueue`, and handles each queue with one `@OnJob` method. See docs/jobs.md.
 */
export type { Job } from 'bullmq';
export * from './queue';
export * from './on-job.decorator';
export * from './inject-queue.decorator';
export * from './jobs.module';
export * from './jobs.host';
