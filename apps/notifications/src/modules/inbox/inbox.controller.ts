import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { NotificationsRpc, type InboxQuery } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { InboxService } from './inbox.service';

@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Rpc(NotificationsRpc.listInbox)
  list(@Payload() q: InboxQuery, @Meta() m: RequestMeta) {
    return this.inbox.list(q, m);
  }

  @Rpc(NotificationsRpc.unreadCount)
  unread(@Meta() m: RequestMeta) {
    return this.inbox.unreadCount(m);
  }

  @Rpc(NotificationsRpc.markRead)
  read(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.inbox.markRead(q.id, m);
  }

  @Rpc(NotificationsRpc.markAllRead)
  readAll(@Meta() m: RequestMeta) {
    return this.inbox.markAllRead(m);
  }
}
