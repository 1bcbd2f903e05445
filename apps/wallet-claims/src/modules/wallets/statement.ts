import { EntryStatus, EntryType, type StatementView } from '@telehealth/contracts';
import { toEntryView } from '../ledger/entry.mapper';
import type { LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import { balanceDelta } from '../ledger/movement';
import type { WalletDoc } from '../ledger/wallet.schema';

/** `YYYY-MM` -> the month's [start, end) in UTC, or null when it is not a month. */
export function monthRange(month: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const end = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
  return { start, end };
}

/** A month's statement from its entries (oldest first) and the balance it opened with. */
export function buildStatement(
  wallet: WalletDoc,
  month: string,
  openingMinor: number,
  entries: LedgerEntryDoc[],
): StatementView {
  const money = (amountMinor: number) => ({ amountMinor, currency: wallet.currency });
  let totalIn = 0;
  let totalOut = 0;
  const byType = new Map<EntryType, { count: number; amount: number }>();
  for (const e of entries) {
    const delta = balanceDelta(e.type, e.status, e.amountMinor);
    if (delta > 0) totalIn += delta;
    else totalOut -= delta;
    if (e.status === EntryStatus.FAILED) continue;
    const t = byType.get(e.type) ?? { count: 0, amount: 0 };
    byType.set(e.type, { count: t.count + 1, amount: t.amount + e.amountMinor });
  }
  const closing = entries.length ? entries[entries.length - 1].balanceAfterMinor : openingMinor;
  return {
    walletId: wallet._id,
    userId: wallet.userId,
    month,
    currency: wallet.currency,
    openingBalance: money(openingMinor),
    closingBalance: money(closing),
    totalIn: money(totalIn),
    totalOut: money(totalOut),
    byType: Object.values(EntryType).flatMap((type) => {
      const t = byType.get(type);
      return t ? [{ type, count: t.count, amount: money(t.amount) }] : [];
    }),
    entries: entries.map(toEntryView),
  };
}
