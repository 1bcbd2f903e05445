import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AuditEventType,
  toPage,
  type AuditEventView,
  type AuditQuery,
  type ClientContext,
  type Page,
} from '@telehealth/contracts';
import type { AuditEventDoc } from './audit-event.schema';
import { AuditEventsRepository } from './audit-events.repository';

export interface AuditEntry {
  type: AuditEventType;
  userId?: string | null;
  actorId?: string | null;
  email?: string | null;
  client?: ClientContext;
  requestId?: string;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly events: AuditEventsRepository) {}

  /** Records an entry; a failure to audit is logged, never turned into a failed login. */
  async record(e: AuditEntry): Promise<void> {
    await this.events
      .append({
        _id: randomUUID(),
        type: e.type,
        userId: e.userId ?? null,
        actorId: e.actorId ?? null,
        email: e.email ?? null,
        ip: e.client?.ip ?? null,
        userAgent: e.client?.userAgent?.slice(0, 300) ?? null,
        requestId: e.requestId ?? null,
        detail: e.detail ?? {},
        at: new Date(),
      })
      .catch((err: Error) => this.logger.error(`audit write failed (${e.type}): ${err.message}`));
  }

  countLoginFailures(userId: string, since: Date): Promise<number> {
    return this.events.countOf(userId, AuditEventType.LOGIN_FAILED, since);
  }

  async search(q: AuditQuery): Promise<Page<AuditEventView>> {
    const { items, total } = await this.events.search(q);
    return toPage(items.map(toAuditView), total, q);
  }
}

const toAuditView = (d: AuditEventDoc): AuditEventView => ({
  id: d._id,
  type: d.type,
  userId: d.userId,
  actorId: d.actorId,
  email: d.email,
  ip: d.ip,
  userAgent: d.userAgent,
  requestId: d.requestId,
  // Mongoose drops an empty `{}` on save (minimize): the view always has the object.
  detail: d.detail ?? {},
  at: d.at.toISOString(),
});
