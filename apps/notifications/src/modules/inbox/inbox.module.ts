import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { INBOX_ITEM_MODEL, InboxItemSchema } from './inbox.schema';
import { InboxService } from './inbox.service';

/** The in-app inbox: written by the dispatcher, read and marked read by its owner. */
@Module({
  imports: [MongooseModule.forFeature([{ name: INBOX_ITEM_MODEL, schema: InboxItemSchema }])],
  controllers: [InboxController],
  providers: [InboxRepository, InboxService],
  exports: [InboxService],
})
export class InboxModule {}
