/**
 * @telehealth/contracts: the one place a subscriber, inside or outside the platform, reads
 * to know which NATS patterns and domain events exist. See docs/events.md.
 */
export const CONTRACTS_VERSION = '1.5.0';

export * from './common/services';
export * from './common/errors';
export * from './common/error-reasons';
export * from './common/caller';
export * from './common/headers';
export * from './common/pagination';
export * from './common/envelope';
export * from './common/contract';
export * from './common/files';
export * from './platform/system.rpc';
export * from './identity/identity.types';
export * from './identity/identity.rpc';
export * from './identity/identity.events';
export * from './identity/password-policy';
export * from './scheduling/scheduling.types';
export * from './scheduling/scheduling.events';
export * from './scheduling/scheduling.rpc';
export * from './payments/payment.events';
export * from './wallet/wallet.types';
export * from './wallet/wallet.events';
export * from './wallet/wallet.rpc';
export * from './teleconsultation/teleconsultation.types';
export * from './teleconsultation/teleconsultation.events';
export * from './teleconsultation/teleconsultation.rpc';
export * from './teleconsultation/clinical.types';
export * from './teleconsultation/clinical.rpc';
export * from './teleconsultation/clinical.events';
export * from './teleconsultation/files.rpc';
export * from './teleconsultation/threads.types';
export * from './teleconsultation/prescription.types';
export * from './teleconsultation/prescription.events';
export * from './teleconsultation/prescription.rpc';
export * from './notifications/notifications.types';
export * from './notifications/notifications.rpc';
export * from './notifications/notifications.events';
export * from './catalog';
