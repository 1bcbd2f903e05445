/**
 * @telehealth/messaging/eventing: domain events for services that own a database: the
 * embedded outbox, its relay to JetStream, and idempotent `@OnEvent` consumers.
 */
export * from './events/eventing.module';
export * from './events/create-event';
export * from './events/outbox';
export * from './events/outbox-relay';
export * from './events/outbox-progress.schema';
export * from './events/on-event.decorator';
export * from './events/event-consumer.host';
export * from './events/inbox.schema';
export * from './events/streams';
