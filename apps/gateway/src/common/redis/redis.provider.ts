import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

// One round trip: count a request in the current window and read the window's remaining ms.
// Registered as a command, so ioredis sends it by SHA (EVALSHA) rather than in full each time.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

type WithHit = Redis & { rateHit(key: string, windowMs: number): Promise<[number, number]> };
import { GatewayConfig } from '../../config/gateway.config';

/** The gateway's Redis: rate-limit counters and the revoked access-token list. */
@Injectable()
export class RedisClient implements OnModuleInit, OnApplicationShutdown {
  readonly redis: Redis;
  private readonly logger = new Logger(RedisClient.name);

  constructor(config: GatewayConfig) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
    this.redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT });
  }

  /** Counts one request under `key` in a fixed window: [count so far, ms left in the window]. */
  hit(key: string, windowMs: number): Promise<[number, number]> {
    return (this.redis as WithHit).rateHit(key, windowMs);
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
