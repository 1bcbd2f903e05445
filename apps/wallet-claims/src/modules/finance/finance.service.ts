import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  Role,
  type EntryStatus,
  type EntryType,
  type FinanceOverview,
  type FinanceOverviewQuery,
  type PaymentRecordStatus,
  type TopUpStatus,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { LEDGER_ENTRY_MODEL, type LedgerEntryDoc } from '../ledger/ledger-entry.schema';
import { PAYMENT_MODEL, type PaymentDoc } from '../payments/payment.schema';
import { TOP_UP_MODEL, type TopUpDoc } from '../top-ups/top-up.schema';
import { countAndSum } from './totals';

/** Seed 000 /admin/finance: what moved over a period, by type and status. */
@Injectable()
export class FinanceService {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntryDoc>,
    @InjectModel(PAYMENT_MODEL) private readonly payments: Model<PaymentDoc>,
    @InjectModel(TOP_UP_MODEL) private readonly topUps: Model<TopUpDoc>,
    private readonly config: WalletClaimsConfig,
  ) {}

  async overview(q: FinanceOverviewQuery, meta: RequestMeta): Promise<FinanceOverview> {
    requireRole(meta, Role.ADMIN);
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (!(from < to)) throw DomainError.invalid('to', 'must be after from');
    const currency = q.currency ?? this.config.WALLET_DEFAULT_CURRENCY;
    const period = { $gte: from, $lt: to };
    const [totals, payments, topUps] = await Promise.all([
      countAndSum(this.entries, { createdAt: period, currency }, { type: 'type', status: 'status' }, 'amountMinor'),
      countAndSum(this.payments, { createdAt: period, currency }, { status: 'status' }, 'amountMinor'),
      countAndSum(this.topUps, { createdAt: period, currency }, { status: 'status' }, 'amountMinor'),
    ]);
    const money = (amountMinor: number) => ({ amountMinor, currency });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      currency,
      totals: totals.map((t) => ({
        type: t.key.type as EntryType,
        status: t.key.status as EntryStatus,
        count: t.count,
        amount: money(t.amount),
      })),
      payments: payments.map((t) => ({
        status: t.key.status as PaymentRecordStatus,
        count: t.count,
        amount: money(t.amount),
      })),
      topUps: topUps.map((t) => ({ status: t.key.status as TopUpStatus, count: t.count, amount: money(t.amount) })),
    };
  }
}
