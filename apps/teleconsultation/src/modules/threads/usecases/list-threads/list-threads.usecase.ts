import { Injectable } from '@nestjs/common';
import { toPage, type ThreadPage, type ThreadQuery } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { sideOf, threadsOf, unreadOf } from '../../thread-access';
import { toThreadView } from '../../thread.mapper';
import { ThreadStore } from '../../thread.store';

/** The caller's threads, newest activity first, each with the caller's unread count, and the total. */
@Injectable()
export class ListThreads {
  constructor(private readonly store: ThreadStore) {}

  async execute(q: ThreadQuery, meta: RequestMeta): Promise<ThreadPage> {
    const caller = requireCaller(meta);
    const mine = threadsOf(caller);
    const [{ items, total }, states] = await Promise.all([this.store.page(mine, q), this.store.readStates(mine)]);
    const unreadTotal = states.reduce((sum, t) => sum + unreadOf(caller, t), 0);
    return {
      ...toPage(
        items.map((t) => toThreadView(t, caller, sideOf(caller, t))),
        total,
        q,
      ),
      unreadTotal,
    };
  }
}
