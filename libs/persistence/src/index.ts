/**
 * @telehealth/persistence: the concurrency primitives of the platform, each enforced by the
 * database with single-document atomicity (see docs/concurrency.md), and the one way to page.
 *
 * `isDuplicateKey` and `findPage` are defined in @telehealth/messaging, whose own outbox, inbox
 * and parked-event list need them, and re-exported here: this library depends on messaging (for
 * DomainError), so defining them here would make the two libraries depend on each other.
 * Services import them from here.
 */
export { isDuplicateKey, findPage } from '@telehealth/messaging';
export * from './claim-once';
export * from './insert-or-get';
export * from './numbered-claims';
export * from './versioned-log';
export * from './idempotency-store';
export * from './derived-id';
export * from './field-cipher';
