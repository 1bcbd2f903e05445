import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  NotificationsRpc,
  Role,
  type DeadLetterQuery,
  type DeliveryQuery,
  type ReplayDeadLetterResult,
} from '@telehealth/contracts';
import { DomainError, Meta, Rpc, requireRole, type RequestMeta } from '@telehealth/messaging';
import { DeliveryLog, toDeliveryView } from './delivery-log';
import { DeliveryQueues } from './delivery-queues';

/** Operators: the delivery log, the dead-letter queue (list, replay) and queue counts. Admins only. */
@Controller()
export class NotificationsAdminController {
  constructor(
    private readonly log: DeliveryLog,
    private readonly queues: DeliveryQueues,
  ) {}

  @Rpc(NotificationsRpc.listDeliveries)
  list(@Payload() q: DeliveryQuery, @Meta() m: RequestMeta) {
    requireRole(m, Role.ADMIN);
    return this.log.search(q);
  }

  @Rpc(NotificationsRpc.getDelivery)
  async get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    requireRole(m, Role.ADMIN);
    const d = await this.log.get(q.id);
    if (!d) throw DomainError.notFound('Delivery');
    return toDeliveryView(d);
  }

  @Rpc(NotificationsRpc.listDeadLetters)
  deadLetters(@Payload() q: DeadLetterQuery, @Meta() m: RequestMeta) {
    requireRole(m, Role.ADMIN);
    return this.queues.listDeadLetters(q);
  }

  /** Replaying twice requeues once: the second call finds no dead letter (404). */
  @Rpc(NotificationsRpc.replayDeadLetter)
  async replay(@Payload() q: { id: string }, @Meta() m: RequestMeta): Promise<ReplayDeadLetterResult> {
    const admin = requireRole(m, Role.ADMIN);
    const job = await this.queues.takeDeadLetter(q.id);
    if (!job) throw DomainError.notFound('Dead letter');
    await this.log.markRequeued(q.id, `REPLAYED_BY ${admin.userId}`);
    return { id: q.id, requeued: true };
  }

  @Rpc(NotificationsRpc.queueStats)
  stats(@Meta() m: RequestMeta) {
    requireRole(m, Role.ADMIN);
    return this.queues.stats();
  }
}
