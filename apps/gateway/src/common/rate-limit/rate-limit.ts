import {
  HttpException,
  HttpStatus,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { GatewayConfig } from '../../config/gateway.config';
import type { AuthedRequest } from '../http/call-meta.decorator';
import { RedisClient } from '../redis/redis.provider';

export const RATE_LIMIT_BUCKET = 'rate-limit:bucket';
/** Counts requests to this route in the per-IP `auth` bucket instead of the per-user one. */
export const AuthRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMIT_BUCKET, 'auth');
/** Not rate limited: the Kubernetes probes, which must answer whatever the traffic. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMIT_BUCKET, 'none');

/**
 * Fixed-window limits kept in Redis, so every gateway replica shares them: per IP on auth
 * routes, per user elsewhere (per IP when anonymous). Over the limit: 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly client: RedisClient,
    private readonly config: GatewayConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    const bucket =
      this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_BUCKET, [ctx.getHandler(), ctx.getClass()]) ??
      'api';
    if (bucket === 'none') return true;
    const auth = bucket === 'auth';
    const max = auth ? this.config.RATE_LIMIT_AUTH_MAX : this.config.RATE_LIMIT_USER_MAX;
    const who = !auth && req.user ? `u:${req.user.userId}` : `ip:${req.ip}`;
    const windowMs = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    const [count, pttl] = await this.client.hit(`rl:${bucket}:${who}`, windowMs);
    const resetSeconds = Math.max(1, Math.ceil((pttl > 0 ? pttl : windowMs) / 1000));
    void reply.header('ratelimit-limit', String(max));
    void reply.header('ratelimit-remaining', String(Math.max(0, max - count)));
    void reply.header('ratelimit-reset', String(resetSeconds));
    if (count > max) {
      throw new HttpException(
        {
          message: `Too many requests; retry in ${resetSeconds}s`,
          reason: 'RATE_LIMITED',
          retryAfterSeconds: resetSeconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return true;
  }
}
