import { Controller, type Type } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import {
  Role,
  systemRpc,
  type BackendService,
  type EchoRequest,
  type HealthReport,
  type PageQuery,
} from '@telehealth/contracts';
import { Meta, NatsClient, Rpc, requireRole, type RequestMeta } from '@telehealth/messaging';
import { EventConsumerHost } from '@telehealth/messaging/eventing';
import { dependencyChecks } from './health.controller';

const startedAt = Date.now();

/** The operational patterns every service answers (health, echo, parked events). */
export function createSystemController(service: BackendService): Type<unknown> {
  const rpc = systemRpc(service);

  @Controller()
  class SystemController {
    constructor(
      @InjectConnection() private readonly connection: Connection,
      private readonly nats: NatsClient,
      private readonly consumers: EventConsumerHost,
    ) {}

    @Rpc(rpc.health)
    async health(): Promise<HealthReport> {
      const checks = await dependencyChecks(this.connection, this.nats);
      const ok = Object.values(checks).every((c) => c === 'up');
      return {
        service,
        status: ok ? 'ok' : 'degraded',
        checks,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    }

    @Rpc(rpc.echo)
    echo(@Payload() q: EchoRequest): EchoRequest {
      return q;
    }

    @Rpc(rpc.listParked)
    listParked(@Payload() q: PageQuery, @Meta() meta: RequestMeta) {
      requireRole(meta, Role.ADMIN);
      return this.consumers.listParked(q);
    }

    @Rpc(rpc.replayParked)
    replayParked(@Payload() q: { id: string }, @Meta() meta: RequestMeta) {
      requireRole(meta, Role.ADMIN);
      return this.consumers.replayParked(q.id);
    }
  }
  return SystemController;
}
