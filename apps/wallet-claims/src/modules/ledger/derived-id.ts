import { derivedId } from '@telehealth/persistence';

export { derivedId };

/** The id of the ledger entry with this (platform-wide unique) reference. */
export const entryIdOf = (reference: string): string => derivedId(`ledger-entry:${reference}`);

/** The id of a user's wallet in a currency (one per user and currency). */
export const walletIdOf = (userId: string, currency: string): string => derivedId(`wallet:${userId}:${currency}`);
