import { SetMetadata } from '@nestjs/common';
import type { EventContract } from '@telehealth/contracts';

export const ON_EVENT = Symbol('ON_EVENT');

export interface OnEventMetadata {
  contract: EventContract<unknown>;
}

/**
 * Subscribes a provider method to a domain event through a durable JetStream consumer.
 * The method receives the whole envelope; it runs at most once per event id (inbox), is
 * retried with backoff when it throws, and the event is parked after EVENT_MAX_DELIVER tries.
 * Make the effect itself idempotent where a crash mid-handler could repeat it.
 */
export const OnEvent = <P>(contract: EventContract<P>): MethodDecorator =>
  SetMetadata(ON_EVENT, { contract } satisfies OnEventMetadata);
