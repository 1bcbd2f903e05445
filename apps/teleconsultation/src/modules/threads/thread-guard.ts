import { Injectable } from '@nestjs/common';
import { ClinicalResourceKind, type Caller, type ThreadSide } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { ClinicalAccess } from '../care/clinical-access';
import { isAdmin, sideOf } from './thread-access';
import type { MessageThreadDoc } from './thread.schema';
import { ThreadStore } from './thread.store';

const notFound = () => DomainError.notFound('Thread');

/**
 * The one check before anything is done with a thread. Its participants read and write it; an
 * admin reads it only with a stated reason, through ClinicalAccess (audited, and listed to the
 * patient); anyone else gets 404, as if it did not exist.
 */
@Injectable()
export class ThreadGuard {
  constructor(
    private readonly store: ThreadStore,
    private readonly access: ClinicalAccess,
  ) {}

  /** A thread the caller takes part in (to write, or mark read). */
  async participant(caller: Caller, id: string): Promise<{ thread: MessageThreadDoc; side: ThreadSide }> {
    const thread = await this.store.load(id);
    const side = thread && sideOf(caller, thread);
    if (!thread || !side) throw notFound();
    return { thread, side };
  }

  /** A thread the caller may read: a participant's, or any for an admin with a reason. */
  async reader(
    caller: Caller,
    id: string,
    accessReason?: string,
  ): Promise<{ thread: MessageThreadDoc; side: ThreadSide | null }> {
    const thread = await this.store.load(id);
    if (!thread) throw notFound();
    const side = sideOf(caller, thread);
    if (side) return { thread, side };
    if (!isAdmin(caller)) throw notFound();
    await this.access.read(caller, {
      patientId: thread.patientId,
      kind: ClinicalResourceKind.THREAD,
      id: thread._id,
      reason: accessReason,
    });
    return { thread, side: null };
  }
}
