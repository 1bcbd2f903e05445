import { Injectable } from '@nestjs/common';
import type { ThreadRef, ThreadView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { ThreadGuard } from '../../thread-guard';
import { toThreadView } from '../../thread.mapper';

/** One thread, to its participants (with their unread count), or to an admin with a stated reason. */
@Injectable()
export class GetThread {
  constructor(private readonly guard: ThreadGuard) {}

  async execute(q: ThreadRef, meta: RequestMeta): Promise<ThreadView> {
    const caller = requireCaller(meta);
    const { thread, side } = await this.guard.reader(caller, q.id, q.accessReason);
    return toThreadView(thread, caller, side);
  }
}
