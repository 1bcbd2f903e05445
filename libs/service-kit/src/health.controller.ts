import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { FastifyReply } from 'fastify';
import type { Connection } from 'mongoose';
import { NatsClient } from '@telehealth/messaging';

/** Kubernetes probes: `/health` (the process answers) and `/ready` (its dependencies do). */
@Controller()
export class HealthController {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly nats: NatsClient,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, string> }> {
    const checks = await dependencyChecks(this.connection, this.nats);
    const ok = Object.values(checks).every((c) => c === 'up');
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'not-ready', checks };
  }
}

export async function dependencyChecks(
  connection: Connection,
  nats: NatsClient,
): Promise<Record<string, 'up' | 'down'>> {
  const mongo = await connection.db
    ?.admin()
    .ping()
    .then(() => 'up' as const)
    .catch(() => 'down' as const);
  return { mongodb: mongo ?? 'down', nats: nats.isReady() ? 'up' : 'down' };
}
