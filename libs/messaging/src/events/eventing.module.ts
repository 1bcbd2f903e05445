import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { EVENTING_OPTIONS, type EventingOptions } from '../messaging.options';
import { EventConsumerHost } from './event-consumer.host';
import { INBOX_MODEL, InboxSchema, PARKED_MODEL, ParkedEventSchema } from './inbox.schema';
import { CURSOR_MODEL, OutboxCursorSchema, PUBLISHED_MODEL, PublishedMarkerSchema } from './outbox-progress.schema';
import { OutboxRelay } from './outbox-relay';

/**
 * Domain events for a service that owns a database: the outbox relay (publishing) and the
 * consumer host (`@OnEvent` handlers with inbox, retries and parking). Needs MessagingModule
 * and a root MongooseModule.
 */
@Module({})
export class EventingModule {
  static forRoot(options: EventingOptions): DynamicModule {
    return {
      module: EventingModule,
      global: true,
      imports: [
        DiscoveryModule,
        MongooseModule.forFeature([
          { name: INBOX_MODEL, schema: InboxSchema },
          { name: PARKED_MODEL, schema: ParkedEventSchema },
          { name: PUBLISHED_MODEL, schema: PublishedMarkerSchema },
          { name: CURSOR_MODEL, schema: OutboxCursorSchema },
        ]),
      ],
      providers: [{ provide: EVENTING_OPTIONS, useValue: options }, OutboxRelay, EventConsumerHost],
      exports: [EVENTING_OPTIONS, OutboxRelay, EventConsumerHost],
    };
  }
}
