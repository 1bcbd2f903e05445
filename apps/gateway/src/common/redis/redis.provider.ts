import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { GatewayConfig } from '../../config/gateway.config';

/** The gateway's Redis: rate-limit counters and the revoked access-token list. */
@Injectable()
export class RedisClient implements OnModuleInit, OnApplicationShutdown {
  readonly redis: Redis;
  private readonly logger = new Logger(RedisClient.name);

  constructor(config: GatewayConfig) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((err: Error) => {
      throw new Error(`Cannot reach Redis (${err.message}). Is it running? Try \`npm run infra:up\`.`);
    });
  }

  isReady(): boolean {
    return this.redis.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
