import {
  EntryStatus,
  EntryType,
  WalletEvents,
  type EventContract,
  type EventEnvelope,
  type WalletMovementV1,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import type { LedgerEntryDoc } from './ledger-entry.schema';

const CONTRACT_OF: Record<EntryType, EventContract<WalletMovementV1>> = {
  [EntryType.CREDIT]: WalletEvents.walletCredited,
  [EntryType.REFUND]: WalletEvents.walletCredited,
  [EntryType.DEBIT]: WalletEvents.walletDebited,
  [EntryType.HOLD]: WalletEvents.fundsHeld,
  [EntryType.CAPTURE]: WalletEvents.fundsCaptured,
  [EntryType.RELEASE]: WalletEvents.fundsReleased,
};

/** The wallet event an entry announces; a FAILED entry moved nothing and announces nothing. */
export function movementEvent(e: LedgerEntryDoc, correlationId?: string): EventEnvelope[] {
  if (e.status === EntryStatus.FAILED) return [];
  const money = (amountMinor: number) => ({ amountMinor, currency: e.currency });
  const payload: WalletMovementV1 = {
    walletId: e.walletId,
    userId: e.userId,
    entryId: e._id,
    seq: e.seq,
    type: e.type,
    status: e.status,
    amount: money(e.amountMinor),
    reference: e.reference,
    title: e.title,
    balanceAfter: money(e.balanceAfterMinor),
    heldAfter: money(e.heldAfterMinor),
    appointmentId: e.appointmentId,
    paymentId: e.paymentId,
  };
  return [
    createEvent(CONTRACT_OF[e.type], e.walletId, payload, { producer: 'wallet-claims', correlationId }, e.createdAt),
  ];
}
