import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { JobsConfig } from '@telehealth/config';
import { JOBS_CONFIG, JobsHost } from './jobs.host';
import type { QueueContract, QueueRegistration } from './queue';

/** Injection token of a registered queue's {@link JobQueue}; inject with {@link InjectQueue}. */
export const queueToken = (queue: QueueContract<unknown>): string => `jobs:queue:${queue.name}`;

/**
 * BullMQ queues and their workers. `forRoot(config)` once, in the app's root module (global):
 * Redis and the queue prefix from a config built with `WithJobsConfig`. `forFeature([...])` in
 * the module that owns the queues: registers them and makes each injectable as a `JobQueue`.
 */
@Module({})
export class JobsModule {
  static forRoot(config: JobsConfig): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: JOBS_CONFIG, useValue: config }, JobsHost],
      exports: [JobsHost],
    };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static forFeature(registrations: QueueRegistration<any>[]): DynamicModule {
    const providers: Provider[] = registrations.map((r) => ({
      provide: queueToken(r.queue),
      useFactory: (host: JobsHost) => host.register(r),
      inject: [JobsHost],
    }));
    return { module: JobsModule, providers, exports: providers.map((p) => (p as { provide: string }).provide) };
  }
}
