/**
 * @telehealth/messaging: NATS request-reply and coded errors, for every app (the gateway too).
 * Domain events (outbox, relay, consumers) are in @telehealth/messaging/eventing, for services.
 * `findPage` and `isDuplicateKey` are defined here because the outbox, inbox and parked-event list
 * use them, and exported for @telehealth/persistence alone (which depends on this library and
 * re-exports them): services import them from there, and no app imports them from here.
 */
export * from './messaging.options';
export * from './messaging.module';
export * from './errors/domain-error';
export * from './errors/duplicate-key';
export * from './persistence/find-page';
export * from './fault/fault-injector';
export * from './nats/nats-client';
export * from './rpc/rpc-client';
export * from './rpc/request-meta';
export * from './rpc/rpc-handler.decorator';
export * from './rpc/rpc-error.filter';
export * from './webhooks/webhook-verification';
