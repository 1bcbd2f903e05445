import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { EventConsumerHost } from './events/event-consumer.host';
import { INBOX_MODEL, InboxSchema, PARKED_MODEL, ParkedEventSchema } from './events/inbox.schema';
import { OutboxRelay } from './events/outbox-relay';
import { CURSOR_MODEL, OutboxCursorSchema, PUBLISHED_MODEL, PublishedMarkerSchema } from './events/outbox-progress.schema';
import { EVENTING_OPTIONS, MESSAGING_OPTIONS, type EventingOptions, type MessagingOptions } from './messaging.options';
import { NatsClient } from './nats/nats-client';
import { RpcClient } from './rpc/rpc-client';

/** NATS connection and the request-reply client: every app. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, NatsClient, RpcClient],
      exports: [MESSAGING_OPTIONS, NatsClient, RpcClient],
    };
  }
}

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
