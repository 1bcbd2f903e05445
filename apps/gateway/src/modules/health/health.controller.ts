import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NatsClient } from '@telehealth/messaging';
import { Public } from '../../common/auth/public.decorator';
import { NoRateLimit } from '../../common/rate-limit/rate-limit';
import { RedisClient } from '../../common/redis/redis.provider';

/** Kubernetes probes (outside /v1): alive, and ready when NATS and Redis answer. */
@ApiExcludeController()
@Public()
@NoRateLimit()
@Controller()
export class HealthController {
  constructor(
    private readonly nats: NatsClient,
    private readonly redis: RedisClient,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const redisUp = await this.redis.redis
      .ping()
      .then(() => true)
      .catch(() => false);
    const checks = { nats: this.nats.isReady() ? 'up' : 'down', redis: redisUp ? 'up' : 'down' };
    const ok = checks.nats === 'up' && checks.redis === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'not-ready', checks };
  }
}
