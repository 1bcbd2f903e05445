import { CommonConfig } from './service.config';
import { ConfigError, loadConfig, redactConfig } from './load-config';
import { WithJobsConfig, WithRedisConfig } from './redis.config';

class RedisOnly extends WithRedisConfig(CommonConfig) {}
class WithQueues extends WithJobsConfig(CommonConfig) {}

describe('WithRedisConfig / WithJobsConfig', () => {
  it('declares REDIS_URL (secret) and, for jobs, QUEUE_PREFIX defaulting to BullMQ’s own prefix', () => {
    expect(loadConfig(RedisOnly, {})).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      NATS_URL: expect.any(String),
    });
    expect(loadConfig(RedisOnly, {})).not.toHaveProperty('QUEUE_PREFIX');
    const config = loadConfig(WithQueues, { REDIS_URL: 'rediss://u:pw-123456@cache:6380' });
    expect(config).toMatchObject({ REDIS_URL: 'rediss://u:pw-123456@cache:6380', QUEUE_PREFIX: 'bull' });
    expect(redactConfig(config)).toMatchObject({ REDIS_URL: '***', QUEUE_PREFIX: 'bull' });
  });

  it('refuses a malformed REDIS_URL without printing it, and a bad QUEUE_PREFIX', () => {
    expect(() => loadConfig(WithQueues, { REDIS_URL: 'http://u:hunter22@x' })).toThrow(ConfigError);
    expect(() => loadConfig(WithQueues, { REDIS_URL: 'http://u:hunter22@x' })).not.toThrow(/hunter22/);
    expect(() => loadConfig(WithQueues, { QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX/);
  });
});
