export * from './test-env';
export * from './api-client';
export * from './event-tap';
export * from './database';
export * from './wait';
export * from './publish-event';
export * from './domain-errors';
export * from './mail-sink';
