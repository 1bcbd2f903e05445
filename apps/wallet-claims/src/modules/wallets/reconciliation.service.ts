import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Role, type ReconciliationMismatch, type ReconciliationReport } from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { checkChain, type ChainEntry } from '../ledger/chain-check';
import { LEDGER_ENTRY_MODEL, type LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import type { WalletDoc } from '../ledger/wallet.schema';
import { WalletStore } from '../ledger/wallet.store';

const CHAIN_FIELDS = {
  seq: 1,
  chainKey: 1,
  walletId: 1,
  type: 1,
  status: 1,
  amountMinor: 1,
  currency: 1,
  reference: 1,
  balanceAfterMinor: 1,
  heldAfterMinor: 1,
  relatedReference: 1,
  appointmentId: 1,
} as const;

/**
 * Replays every wallet's ledger (or one) and reports each mismatch. A wallet's balance is its
 * newest entry's, so "balance equals the sum of its entries" is the replay agreeing with every
 * stored entry. Read-only: it reports, an operator decides.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    private readonly wallets: WalletStore,
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntryDoc>,
  ) {}

  async run(q: { walletId?: string }, meta: RequestMeta): Promise<ReconciliationReport> {
    requireRole(meta, Role.ADMIN);
    let wallets: AsyncIterable<WalletDoc> | WalletDoc[];
    if (q.walletId) {
      const w = await this.wallets.findById(q.walletId);
      if (!w) throw DomainError.notFound('Wallet');
      wallets = [w];
    } else wallets = this.wallets.all();
    const mismatches: ReconciliationMismatch[] = [];
    let walletsChecked = 0;
    let entriesChecked = 0;
    for await (const w of wallets) {
      const chain = await this.entries.find({ walletId: w._id }, CHAIN_FIELDS).sort({ seq: 1 }).lean<ChainEntry[]>();
      walletsChecked++;
      entriesChecked += chain.length;
      mismatches.push(...checkChain(w._id, w.currency, chain));
    }
    // Entries whose wallet does not exist are mismatches too.
    const orphans = await this.entries.countDocuments({ walletId: { $exists: false } });
    if (orphans) mismatches.push({ walletId: '', seq: null, problem: `${orphans} entries without a wallet` });
    if (mismatches.length) this.logger.error(`reconciliation: ${mismatches.length} mismatches`);
    return { walletsChecked, entriesChecked, mismatches, checkedAt: new Date().toISOString() };
  }
}
