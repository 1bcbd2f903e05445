import type { Caller, MessageView, ThreadSide, ThreadView } from '@telehealth/contracts';
import { unreadOf } from './thread-access';
import type { MessageThreadDoc, ThreadMessageDoc } from './thread.schema';

export function toThreadView(t: MessageThreadDoc, caller: Caller, side: ThreadSide | null): ThreadView {
  return {
    id: t._id,
    patientId: t.patientId,
    doctorId: t.doctorId,
    organisationId: t.organisationId,
    side,
    messageCount: t.version,
    unread: side ? unreadOf(caller, t) : 0,
    lastMessageAt: t.lastMessageAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

export function toMessageView(m: ThreadMessageDoc): MessageView {
  return {
    id: m._id,
    threadId: m.aggregateId,
    seq: m.version,
    senderId: m.senderId,
    senderRole: m.senderRole,
    text: m.text,
    attachmentIds: m.attachmentIds,
    createdAt: m.createdAt.toISOString(),
  };
}
