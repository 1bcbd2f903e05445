import { Matches } from 'class-validator';
import { Secret } from './secret.decorator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * Adds Redis to a config class: `class GatewayConfig extends WithRedisConfig(CommonConfig) { ... }`.
 * The one declaration of REDIS_URL.
 */
export function WithRedisConfig<TBase extends Constructor>(Base: TBase) {
  class WithRedis extends Base {
    /** `redis://host:port` or, with TLS and a login, `rediss://user:pass@host:port`. */
    @Secret()
    @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
    REDIS_URL = 'redis://127.0.0.1:6379';
  }
  return WithRedis;
}

/**
 * Adds the settings of `@telehealth/jobs` (BullMQ queues on Redis) to a config class:
 * `class SchedulingConfig extends WithJobsConfig(ServiceConfig) { ... }`.
 */
export function WithJobsConfig<TBase extends Constructor>(Base: TBase) {
  class WithJobs extends WithRedisConfig(Base) {
    /**
     * Key prefix of every queue of the service. `bull` (BullMQ's own default) is what the queues
     * have always used; tests and benchmarks isolate with their own.
     */
    @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, _ or -' })
    QUEUE_PREFIX = 'bull';
  }
  return WithJobs;
}

/** What the jobs library reads from a config built with {@link WithJobsConfig}. */
export interface JobsConfig {
  REDIS_URL: string;
  QUEUE_PREFIX: string;
}
