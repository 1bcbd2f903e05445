import type { EventContract } from './common/contract';
import { IdentityEvents } from './identity/identity.events';

/** Every domain event, for documentation, stream set-up and tests. */
export const ALL_EVENTS: readonly EventContract<unknown>[] = [...Object.values(IdentityEvents)];
