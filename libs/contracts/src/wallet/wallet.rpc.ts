import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type {
  AdjustmentRequest,
  FinanceOverview,
  FinanceOverviewQuery,
  LedgerEntryView,
  PaymentQuery,
  PaymentView,
  ReconciliationReport,
  StatementRequest,
  StatementView,
  TopUpRequest,
  TopUpView,
  TransactionQuery,
  WalletView,
  WebhookAck,
  WebhookRequest,
} from './wallet.types';

/** Admins name a wallet; everyone else gets their own. */
export interface WalletRef {
  walletId?: string;
}

export interface SandboxCompleteRequest {
  reference: string;
  outcome: 'SUCCEED' | 'FAIL';
}

export const WalletRpc = {
  getWallet: defineRpc<WalletRef, WalletView>('wallet-claims', 'wallets.get', 1, "The caller's wallet (admins: any)."),
  openWallet: defineRpc<{ userId: string; currency?: string }, WalletView>(
    'wallet-claims',
    'wallets.open',
    1,
    "Admin: opens a user's wallet in a currency (or returns the one already open).",
  ),
  listWallets: defineRpc<{ userId?: string; page: number; limit: number }, Page<WalletView>>(
    'wallet-claims',
    'wallets.list',
    1,
    'Admin: wallets, newest first.',
  ),
  listTransactions: defineRpc<TransactionQuery, Page<LedgerEntryView>>(
    'wallet-claims',
    'transactions.list',
    1,
    'Ledger entries, newest first, filtered by type, status and date.',
  ),
  statement: defineRpc<StatementRequest, StatementView>(
    'wallet-claims',
    'statements.get',
    1,
    'A monthly statement: opening and closing balance, totals and entries.',
  ),
  createTopUp: defineRpc<TopUpRequest, TopUpView>(
    'wallet-claims',
    'top-ups.create',
    1,
    'Starts a top-up with a payment provider; the wallet is credited on its webhook.',
  ),
  getTopUp: defineRpc<{ id: string }, TopUpView>('wallet-claims', 'top-ups.get', 1, 'One top-up.'),
  listTopUps: defineRpc<{ page: number; limit: number; status?: string }, Page<TopUpView>>(
    'wallet-claims',
    'top-ups.list',
    1,
    "The caller's top-ups, newest first.",
  ),
  sandboxComplete: defineRpc<SandboxCompleteRequest, TopUpView>(
    'wallet-claims',
    'sandbox.complete',
    1,
    'Sandbox provider only: the payer finishes the checkout (a signed webhook follows).',
  ),
  webhook: defineRpc<WebhookRequest, WebhookAck>(
    'wallet-claims',
    'webhooks.receive',
    1,
    "A payment provider's webhook: verified, de-duplicated, applied once.",
  ),
  adjust: defineRpc<AdjustmentRequest, LedgerEntryView>(
    'wallet-claims',
    'adjustments.create',
    1,
    'Admin: credit or debit a wallet with a reason (idempotent).',
  ),
  reconcile: defineRpc<{ walletId?: string }, ReconciliationReport>(
    'wallet-claims',
    'reconciliation.run',
    1,
    'Admin: replays every ledger and reports each mismatch.',
  ),
  financeOverview: defineRpc<FinanceOverviewQuery, FinanceOverview>(
    'wallet-claims',
    'finance.overview',
    1,
    'Admin: totals by type and status over a period.',
  ),
  getPayment: defineRpc<{ id: string }, PaymentView>('wallet-claims', 'payments.get', 1, 'One payment.'),
  listPayments: defineRpc<PaymentQuery, Page<PaymentView>>(
    'wallet-claims',
    'payments.list',
    1,
    'Payments visible to the caller (own; admins all).',
  ),
} as const;
