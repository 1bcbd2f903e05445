import { Injectable } from '@nestjs/common';
import {
  TeleconsultationEvents,
  type MessageView,
  type PostMessageRequest,
  type ThreadMessagePostedV1,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { senderRoleOf } from '../../thread-access';
import { ThreadGuard } from '../../thread-guard';
import { toMessageView } from '../../thread.mapper';
import { ThreadStore } from '../../thread.store';

/** The longest message text (characters). */
export const MAX_MESSAGE_LENGTH = 5_000;
/** The most files one message carries. */
export const MAX_ATTACHMENTS = 10;

/**
 * A participant posts a message: text, file attachments, or both. It takes the thread's next
 * number (exactly one message per number, whatever arrives at once), the sender's side has read
 * it, and `thread-message.posted` (ids only, never the text) tells the other side.
 */
@Injectable()
export class PostMessage {
  constructor(
    private readonly guard: ThreadGuard,
    private readonly store: ThreadStore,
    private readonly clock: Clock,
  ) {}

  async execute(q: PostMessageRequest, meta: RequestMeta): Promise<MessageView> {
    const caller = requireCaller(meta);
    const text = q.text?.trim() || null;
    const attachmentIds = [...new Set(q.attachmentIds ?? [])];
    if (!text && !attachmentIds.length) throw DomainError.invalid('text', 'a message needs text or an attachment');
    if (text && text.length > MAX_MESSAGE_LENGTH)
      throw DomainError.invalid('text', `must be at most ${MAX_MESSAGE_LENGTH} characters`);
    if (attachmentIds.length > MAX_ATTACHMENTS)
      throw DomainError.invalid('attachmentIds', `at most ${MAX_ATTACHMENTS} files per message`);
    const { thread, side } = await this.guard.participant(caller, q.id);
    // Attachments: the files library checks that the caller owns each file and links it to the
    // thread here, once it is wired in (issue 11 §1); until then the ids are stored as given.
    const senderRole = senderRoleOf(thread, side);
    const now = this.clock.now();
    const posted = await this.store.post(
      thread,
      { senderId: caller.userId, senderRole, senderSide: side, text, attachmentIds },
      now,
      (seq, messageId) => {
        const payload: ThreadMessagePostedV1 = {
          threadId: thread._id,
          messageId,
          seq,
          patientId: thread.patientId,
          doctorId: thread.doctorId,
          organisationId: thread.organisationId,
          senderId: caller.userId,
          senderRole,
          hasText: !!text,
          attachmentCount: attachmentIds.length,
          postedAt: now.toISOString(),
        };
        return [
          createEvent(TeleconsultationEvents.threadMessagePosted, thread._id, payload, origin(meta.requestId), now),
        ];
      },
    );
    if (!posted) throw DomainError.conflict('The thread is taking many messages at once; retry', 'CONCURRENT_CHANGE');
    return toMessageView(posted.message);
  }
}
