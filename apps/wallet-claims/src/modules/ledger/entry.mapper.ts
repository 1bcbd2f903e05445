import type { LedgerEntryView, WalletView } from '@telehealth/contracts';
import type { LedgerEntryDoc } from './ledger-entry.schema';
import type { WalletDoc } from './wallet.schema';

export function toEntryView(e: LedgerEntryDoc): LedgerEntryView {
  const money = (amountMinor: number) => ({ amountMinor, currency: e.currency });
  return {
    id: e._id,
    walletId: e.walletId,
    userId: e.userId,
    seq: e.seq,
    type: e.type,
    status: e.status,
    amount: money(e.amountMinor),
    reference: e.reference,
    title: e.title,
    subtitle: e.subtitle,
    balanceAfter: money(e.balanceAfterMinor),
    heldAfter: money(e.heldAfterMinor),
    appointmentId: e.appointmentId,
    paymentId: e.paymentId,
    topUpId: e.topUpId,
    relatedReference: e.relatedReference,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toWalletView(
  w: WalletDoc,
  state: { seq: number; balanceMinor: number; heldMinor: number; lastAt: Date | null },
): WalletView {
  const money = (amountMinor: number) => ({ amountMinor, currency: w.currency });
  return {
    id: w._id,
    userId: w.userId,
    currency: w.currency,
    balance: money(state.balanceMinor),
    held: money(state.heldMinor),
    available: money(state.balanceMinor - state.heldMinor),
    seq: state.seq,
    hasActiveCard: w.hasActiveCard,
    lastUpdated: (state.lastAt ?? w.createdAt).toISOString(),
    createdAt: w.createdAt.toISOString(),
  };
}
