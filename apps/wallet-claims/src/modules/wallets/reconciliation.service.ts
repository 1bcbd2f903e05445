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
    const found = q.walletId ? await this.one(q.walletId) : await this.all();
    if (found.mismatches.length) this.logger.error(`reconciliation: ${found.mismatches.length} mismatches`);
    return { ...found, checkedAt: new Date().toISOString() };
  }

  private async one(walletId: string): Promise<Omit<ReconciliationReport, 'checkedAt'>> {
    const w = await this.wallets.findById(walletId);
    if (!w) throw DomainError.notFound('Wallet');
    const chain = await this.entries.find({ walletId }, CHAIN_FIELDS).sort({ seq: 1 }).lean<ChainEntry[]>();
    return { walletsChecked: 1, entriesChecked: chain.length, mismatches: checkChain(w._id, w.currency, chain) };
  }

  /**
   * Every ledger in one pass: the entries in (walletId, seq) order merged with the wallets in id
   * order, so the cost is one read of each collection, not one query per wallet.
   */
  private async all(): Promise<Omit<ReconciliationReport, 'checkedAt'>> {
    const mismatches: ReconciliationMismatch[] = [];
    let walletsChecked = 0;
    let entriesChecked = 0;
    const wallets = this.wallets.all()[Symbol.asyncIterator]();
    let wallet = (await wallets.next()).value as WalletDoc | undefined;
    const check = async (walletId: string, chain: ChainEntry[]): Promise<void> => {
      while (wallet && wallet._id < walletId) {
        walletsChecked++; // a wallet with no entries: nothing to disagree with
        wallet = (await wallets.next()).value as WalletDoc | undefined;
      }
      entriesChecked += chain.length;
      if (wallet?._id !== walletId) {
        mismatches.push({ walletId, seq: null, problem: `${chain.length} entries of a wallet that does not exist` });
        return;
      }
      mismatches.push(...checkChain(walletId, wallet.currency, chain));
      walletsChecked++;
      wallet = (await wallets.next()).value as WalletDoc | undefined;
    };
    let chain: ChainEntry[] = [];
    const cursor = this.entries.find({}, CHAIN_FIELDS).sort({ walletId: 1, seq: 1 }).lean<ChainEntry[]>().cursor();
    for await (const e of cursor as AsyncIterable<ChainEntry>) {
      if (chain.length && chain[0].walletId !== e.walletId) {
        await check(chain[0].walletId, chain);
        chain = [];
      }
      chain.push(e);
    }
    if (chain.length) await check(chain[0].walletId, chain);
    for (; wallet; wallet = (await wallets.next()).value as WalletDoc | undefined) walletsChecked++;
    return { walletsChecked, entriesChecked, mismatches };
  }
}
