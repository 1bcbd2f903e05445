import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, SystemClock } from '@telehealth/service-kit';
import { CareModule } from '../care/care.module';
import { MESSAGE_THREAD_MODEL, MessageThreadSchema, THREAD_MESSAGE_MODEL, ThreadMessageSchema } from './thread.schema';
import { ThreadGuard } from './thread-guard';
import { ThreadStore } from './thread.store';
import { ThreadsController } from './threads.controller';
import { GetThread } from './usecases/get-thread/get-thread.usecase';
import { ListMessages } from './usecases/list-messages/list-messages.usecase';
import { ListThreads } from './usecases/list-threads/list-threads.usecase';
import { MarkThreadRead } from './usecases/mark-thread-read/mark-thread-read.usecase';
import { OpenThread } from './usecases/open-thread/open-thread.usecase';
import { PostMessage } from './usecases/post-message/post-message.usecase';

/**
 * Secure messaging (issue 11 §5): a thread per care relationship, messages encrypted at rest,
 * exact unread counts from sequence numbers, `thread-message.posted` for notifications and the
 * stream.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MESSAGE_THREAD_MODEL, schema: MessageThreadSchema },
      { name: THREAD_MESSAGE_MODEL, schema: ThreadMessageSchema },
    ]),
    CareModule,
  ],
  controllers: [ThreadsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    ThreadStore,
    ThreadGuard,
    OpenThread,
    ListThreads,
    GetThread,
    ListMessages,
    PostMessage,
    MarkThreadRead,
  ],
})
export class ThreadsModule {}
