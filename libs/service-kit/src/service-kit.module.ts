import { Module, type DynamicModule, type OnApplicationBootstrap, Injectable, Logger } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { ServiceConfig } from '@telehealth/config';
import type { BackendService } from '@telehealth/contracts';
import { MessagingModule, RpcErrorFilter } from '@telehealth/messaging';
import { EventingModule } from '@telehealth/messaging/eventing';
import { HealthController } from './health.controller';
import { createSystemController } from './system.controller';

/** Builds every model's indexes before the service answers: a unique index is a rule here. */
@Injectable()
class IndexesReady implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');
  constructor(@InjectConnection() private readonly connection: Connection) {}
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(Object.values(this.connection.models).map((m) => m.init()));
    this.logger.log(
      `database ${this.connection.name}: ${Object.keys(this.connection.models).length} collections indexed`,
    );
  }
}

export interface ServiceKitOptions<C extends ServiceConfig> {
  service: BackendService;
  config: C;
  /** The app's config class, so providers can inject the config by type. */
  configClass: new () => C;
  /** Prefix of the durable consumer names (defaults to the service; tests isolate with their own). */
  consumerGroup?: string;
}

/** What every backend service has: config, its database, NATS, events, probes, system RPCs. */
@Module({})
export class ServiceKitModule {
  static forRoot<C extends ServiceConfig>({
    service,
    config,
    configClass,
    consumerGroup,
  }: ServiceKitOptions<C>): DynamicModule {
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        MongooseModule.forRoot(config.MONGO_URI, {
          dbName: config.MONGO_DB,
          maxPoolSize: config.MONGO_MAX_POOL_SIZE,
          serverSelectionTimeoutMS: 5_000,
        }),
        MessagingModule.forRoot({
          service,
          natsUrl: config.NATS_URL,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          faultInjectionEnabled: config.FAULT_INJECTION_ENABLED,
        }),
        EventingModule.forRoot({
          service,
          outboxPollMs: config.OUTBOX_POLL_MS,
          maxDeliver: config.EVENT_MAX_DELIVER,
          retryBaseMs: config.EVENT_RETRY_BASE_MS,
          concurrency: config.EVENT_CONCURRENCY,
          consumerGroup,
        }),
      ],
      controllers: [HealthController, createSystemController(service)],
      providers: [
        { provide: configClass, useValue: config },
        { provide: APP_FILTER, useClass: RpcErrorFilter },
        IndexesReady,
      ],
      exports: [configClass],
    };
  }
}
