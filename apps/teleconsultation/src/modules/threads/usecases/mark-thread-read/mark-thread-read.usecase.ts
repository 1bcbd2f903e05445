import { Injectable } from '@nestjs/common';
import type { MarkReadRequest, ThreadView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { ThreadGuard } from '../../thread-guard';
import { toThreadView } from '../../thread.mapper';
import { ThreadStore } from '../../thread.store';

/**
 * The caller's side has read the thread up to a message (default: the newest it has). Read
 * state only moves forward: an older mark arriving late changes nothing.
 */
@Injectable()
export class MarkThreadRead {
  constructor(
    private readonly guard: ThreadGuard,
    private readonly store: ThreadStore,
  ) {}

  async execute(q: MarkReadRequest, meta: RequestMeta): Promise<ThreadView> {
    const caller = requireCaller(meta);
    const { thread, side } = await this.guard.participant(caller, q.id);
    if (q.upToSeq !== undefined && q.upToSeq > thread.version)
      throw DomainError.invalid('upToSeq', `the thread has ${thread.version} messages`);
    const updated = await this.store.markRead(thread._id, side, q.upToSeq ?? thread.version);
    if (!updated) throw DomainError.notFound('Thread');
    return toThreadView(updated, caller, side);
  }
}
