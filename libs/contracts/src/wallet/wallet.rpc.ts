import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type { Money } from '../scheduling/scheduling.types';
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
  TopUpStatus,
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
  /**
   * The checkout link's key (its `?key=`): lets whoever holds the link pay without a token, as
   * a provider's hosted checkout does. Without it, the caller must own the top-up. Added in 1.5.
   */
  key?: string;
}

/** The sandbox checkout page's question: which checkout, with the link's key. */
export interface SandboxCheckoutQuery {
  reference: string;
  key: string;
}

/** What the sandbox checkout page shows the payer: no account details, only the payment. */
export interface SandboxCheckoutView {
  reference: string;
  amount: Money;
  status: TopUpStatus;
  /** A wallet top-up, or the fee of an appointment. */
  description: string;
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
  sandboxCheckout: defineRpc<SandboxCheckoutQuery, SandboxCheckoutView>(
    'wallet-claims',
    'sandbox.checkout.get',
    1,
    'Sandbox provider only: the checkout a payment link points at (the link key is the credential).',
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
