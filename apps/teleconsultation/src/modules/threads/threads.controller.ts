import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  TeleconsultationRpc,
  type MarkReadRequest,
  type MessageQuery,
  type OpenThreadRequest,
  type PostMessageRequest,
  type ThreadQuery,
  type ThreadRef,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { GetThread } from './usecases/get-thread/get-thread.usecase';
import { ListMessages } from './usecases/list-messages/list-messages.usecase';
import { ListThreads } from './usecases/list-threads/list-threads.usecase';
import { MarkThreadRead } from './usecases/mark-thread-read/mark-thread-read.usecase';
import { OpenThread } from './usecases/open-thread/open-thread.usecase';
import { PostMessage } from './usecases/post-message/post-message.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class ThreadsController {
  constructor(
    private readonly openThread: OpenThread,
    private readonly listThreads: ListThreads,
    private readonly getThread: GetThread,
    private readonly listMessages: ListMessages,
    private readonly postMessage: PostMessage,
    private readonly markRead: MarkThreadRead,
  ) {}

  @Rpc(TeleconsultationRpc.openThread)
  open(@Payload() q: OpenThreadRequest, @Meta() m: RequestMeta) {
    return this.openThread.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.listThreads)
  list(@Payload() q: ThreadQuery, @Meta() m: RequestMeta) {
    return this.listThreads.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.getThread)
  get(@Payload() q: ThreadRef, @Meta() m: RequestMeta) {
    return this.getThread.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.listMessages)
  messages(@Payload() q: MessageQuery, @Meta() m: RequestMeta) {
    return this.listMessages.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.postMessage)
  post(@Payload() q: PostMessageRequest, @Meta() m: RequestMeta) {
    return this.postMessage.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.markThreadRead)
  read(@Payload() q: MarkReadRequest, @Meta() m: RequestMeta) {
    return this.markRead.execute(q, m);
  }
}
