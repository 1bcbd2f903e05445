import { Injectable } from '@nestjs/common';
import { toPage, type MessageQuery, type MessageView, type Page } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { ThreadGuard } from '../../thread-guard';
import { toMessageView } from '../../thread.mapper';
import { ThreadStore } from '../../thread.store';

/** A thread's messages, newest first: to its participants, or an admin with a stated reason (audited). */
@Injectable()
export class ListMessages {
  constructor(
    private readonly guard: ThreadGuard,
    private readonly store: ThreadStore,
  ) {}

  async execute(q: MessageQuery, meta: RequestMeta): Promise<Page<MessageView>> {
    const caller = requireCaller(meta);
    const { thread } = await this.guard.reader(caller, q.id, q.accessReason);
    const { items, total } = await this.store.messagesOf(thread, q);
    return toPage(items.map(toMessageView), total, q);
  }
}
