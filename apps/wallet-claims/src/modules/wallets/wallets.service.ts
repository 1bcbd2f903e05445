import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  Role,
  toPage,
  type LedgerEntryView,
  type Page,
  type StatementRequest,
  type StatementView,
  type TransactionQuery,
  type WalletRef,
  type WalletView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, requireRole, type RequestMeta } from '@telehealth/messaging';
import { findPage } from '@telehealth/persistence';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { toEntryView, toWalletView } from '../ledger/entry.mapper';
import { Ledger } from '../ledger/ledger';
import { LEDGER_ENTRY_MODEL, type LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import type { WalletDoc } from '../ledger/wallet.schema';
import { WalletStore } from '../ledger/wallet.store';
import { buildStatement, monthRange } from './statement';
import { requireVisibleWallet } from './wallet-access';

/** Most entries one statement lists (a month of a very busy wallet is paged through transactions). */
const STATEMENT_MAX_ENTRIES = 5_000;

/** Reading wallets: the caller's own (opened on first use), or any for admins. */
@Injectable()
export class WalletsService {
  constructor(
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntryDoc>,
    private readonly config: WalletClaimsConfig,
  ) {}

  /** The wallet a request is about: `walletId` if given (own or admin), else the caller's own. */
  async resolve(ref: WalletRef, meta: RequestMeta): Promise<WalletDoc> {
    const caller = requireCaller(meta);
    if (ref.walletId) return requireVisibleWallet(caller, await this.wallets.findById(ref.walletId));
    return this.wallets.open(caller.userId, this.config.WALLET_DEFAULT_CURRENCY, meta.requestId);
  }

  async get(ref: WalletRef, meta: RequestMeta): Promise<WalletView> {
    return this.view(await this.resolve(ref, meta));
  }

  async view(w: WalletDoc): Promise<WalletView> {
    return toWalletView(w, await this.ledger.stateOf(w._id));
  }

  /** Admin: a user's wallet in a currency, opened now if there is none (idempotent). */
  async open(q: { userId: string; currency?: string }, meta: RequestMeta): Promise<WalletView> {
    requireRole(meta, Role.ADMIN);
    const currency = q.currency ?? this.config.WALLET_DEFAULT_CURRENCY;
    if (!/^[A-Z]{3}$/.test(currency)) throw DomainError.invalid('currency', 'must be an ISO 4217 code such as NGN');
    return this.view(await this.wallets.open(q.userId, currency, meta.requestId));
  }

  async list(q: { userId?: string; page: number; limit: number }, meta: RequestMeta): Promise<Page<WalletView>> {
    requireRole(meta, Role.ADMIN);
    const { items, total } = await this.wallets.page(q.userId ? { userId: q.userId } : {}, q);
    return toPage(await Promise.all(items.map((w) => this.view(w))), total, q);
  }

  async transactions(q: TransactionQuery, meta: RequestMeta): Promise<Page<LedgerEntryView>> {
    const w = await this.resolve(q, meta);
    const filter: FilterQuery<LedgerEntryDoc> = { walletId: w._id };
    if (q.type) filter.type = q.type;
    if (q.status) filter.status = q.status;
    if (q.from || q.to) {
      if (q.from && q.to && q.from >= q.to) throw DomainError.invalid('to', 'must be after from');
      filter.createdAt = { ...(q.from && { $gte: new Date(q.from) }), ...(q.to && { $lt: new Date(q.to) }) };
    }
    const { items, total } = await findPage(this.entries, filter, { seq: -1 }, q, { outbox: 0 });
    return toPage(items.map(toEntryView), total, q);
  }

  async statement(q: StatementRequest, meta: RequestMeta): Promise<StatementView> {
    const range = monthRange(q.month);
    if (!range) throw DomainError.invalid('month', 'must be YYYY-MM');
    const w = await this.resolve(q, meta);
    const [before, entries] = await Promise.all([
      this.entries
        .findOne({ walletId: w._id, createdAt: { $lt: range.start } }, { balanceAfterMinor: 1, seq: 1 })
        .sort({ seq: -1 })
        .lean<LedgerEntryDoc>(),
      this.entries
        .find({ walletId: w._id, createdAt: { $gte: range.start, $lt: range.end } }, { outbox: 0 })
        .sort({ seq: 1 })
        .limit(STATEMENT_MAX_ENTRIES)
        .lean<LedgerEntryDoc[]>(),
    ]);
    return buildStatement(w, q.month, before?.balanceAfterMinor ?? 0, entries);
  }
}
