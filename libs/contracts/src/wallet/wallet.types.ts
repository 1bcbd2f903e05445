import type { PageQuery } from '../common/pagination';
import type { Money } from '../scheduling/scheduling.types';

/** How a ledger entry moves money (seed 000 transactions, widened to holds). */
export enum EntryType {
  /** Money in: a top-up or an admin adjustment. */
  CREDIT = 'CREDIT',
  /** Money out at once: an admin adjustment or a direct payment. */
  DEBIT = 'DEBIT',
  /** Money reserved for a payment (available goes down, balance does not). */
  HOLD = 'HOLD',
  /** A hold turned into a payment (balance and held both go down). */
  CAPTURE = 'CAPTURE',
  /** A hold given back (held goes down). */
  RELEASE = 'RELEASE',
  /** Money returned for a captured payment. */
  REFUND = 'REFUND',
}

/**
 * SUCCESS: the movement happened. PENDING: a HOLD, reserved until captured or released (a
 * later CAPTURE or RELEASE entry says which). FAILED: recorded for the statement, moved nothing.
 */
export enum EntryStatus {
  PENDING = 'PENDING',
  SUCCESS = 'SUCCESS',
  FAILED = 'FAILED',
}

export interface WalletView {
  id: string;
  userId: string;
  currency: string;
  /** Everything in the wallet, held money included. */
  balance: Money;
  /** Reserved for payments not yet captured. */
  held: Money;
  /** balance - held: what can be spent now. */
  available: Money;
  /** Position of the newest ledger entry (0 for a new wallet). */
  seq: number;
  hasActiveCard: boolean;
  lastUpdated: string;
  createdAt: string;
}

export interface LedgerEntryView {
  id: string;
  walletId: string;
  userId: string;
  seq: number;
  type: EntryType;
  status: EntryStatus;
  amount: Money;
  /** Unique across the platform, e.g. `TOPUP_<user>_<time>`, `HOLD_<appointment>`. */
  reference: string;
  title: string;
  subtitle: string;
  balanceAfter: Money;
  heldAfter: Money;
  /** What the entry is about, when it is about something. */
  appointmentId: string | null;
  paymentId: string | null;
  topUpId: string | null;
  /** For CAPTURE, RELEASE and REFUND: the reference of the entry it settles. */
  relatedReference: string | null;
  createdAt: string;
}

export interface TransactionQuery extends PageQuery {
  /** Admins may read any wallet; everyone else reads their own. */
  walletId?: string;
  type?: EntryType;
  status?: EntryStatus;
  /** ISO date-times; `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
}

export interface StatementRequest {
  walletId?: string;
  /** YYYY-MM, in UTC. */
  month: string;
}

export interface StatementView {
  walletId: string;
  userId: string;
  month: string;
  currency: string;
  openingBalance: Money;
  closingBalance: Money;
  totalIn: Money;
  totalOut: Money;
  /** Count and sum per entry type, successful movements only. */
  byType: { type: EntryType; count: number; amount: Money }[];
  entries: LedgerEntryView[];
}

export enum PaymentProviderName {
  SANDBOX = 'sandbox',
  PAYSTACK = 'paystack',
  STRIPE = 'stripe',
}

export enum TopUpStatus {
  PENDING = 'PENDING',
  SUCCESS = 'SUCCESS',
  FAILED = 'FAILED',
}

/** What the sandbox provider will report for a checkout: for local runs and tests. */
export enum SandboxOutcome {
  SUCCEED = 'SUCCEED',
  FAIL = 'FAIL',
  /** Never reported by itself: stays pending (complete it with the sandbox checkout route). */
  HOLD = 'HOLD',
}

export interface TopUpRequest {
  /** From the Idempotency-Key header (required). */
  idempotencyKey: string;
  amountMinor: number;
  provider?: PaymentProviderName;
  /** Sandbox only: what the checkout reports, and after how long. */
  sandboxOutcome?: SandboxOutcome;
  sandboxDelayMs?: number;
}

export interface TopUpView {
  id: string;
  walletId: string;
  userId: string;
  provider: PaymentProviderName;
  amount: Money;
  status: TopUpStatus;
  reference: string;
  /** Where the client sends the payer (Paystack authorization_url, Stripe Checkout url). */
  checkoutUrl: string | null;
  providerReference: string | null;
  failureReason: string | null;
  /** The ledger entry that credited the wallet, once it has. */
  entryId: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** A provider's webhook as it arrived at the gateway: the raw body is what is signed. */
export interface WebhookRequest {
  provider: string;
  rawBody: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
}

export interface WebhookAck {
  received: true;
  /** False when the event was seen before (replay) or is of no interest. */
  applied: boolean;
}

export enum AdjustmentType {
  CREDIT = 'CREDIT',
  DEBIT = 'DEBIT',
}

/** An operator's manual correction; money-moving, so idempotent. */
export interface AdjustmentRequest {
  idempotencyKey: string;
  walletId: string;
  type: AdjustmentType;
  amountMinor: number;
  reason: string;
}

export enum PaymentMethod {
  WALLET = 'WALLET',
  CARD = 'CARD',
  INSURANCE = 'INSURANCE',
  CASH = 'CASH',
}

/** Seeds 003/004 payments. */
export enum PaymentRecordStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
  /** The booking lapsed or was cancelled before capture: the hold was given back. */
  VOIDED = 'VOIDED',
}

export interface PaymentView {
  id: string;
  appointmentId: string;
  patientId: string;
  amount: Money;
  method: PaymentMethod;
  status: PaymentRecordStatus;
  /** HOLD_<appointment> on the wallet, or the provider's reference for a card. */
  reference: string | null;
  providerReference: string | null;
  checkoutUrl: string | null;
  refunded: Money;
  failureReason: string | null;
  holdExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentQuery extends PageQuery {
  appointmentId?: string;
  patientId?: string;
  status?: PaymentRecordStatus;
}

export interface ReconciliationMismatch {
  walletId: string;
  seq: number | null;
  problem: string;
}

export interface ReconciliationReport {
  walletsChecked: number;
  entriesChecked: number;
  mismatches: ReconciliationMismatch[];
  checkedAt: string;
}

export interface FinanceOverviewQuery {
  from: string;
  to: string;
  currency?: string;
}

/** Seed 000 /admin/finance: totals by type and status over a period. */
export interface FinanceOverview {
  from: string;
  to: string;
  currency: string;
  totals: { type: EntryType; status: EntryStatus; count: number; amount: Money }[];
  payments: { status: PaymentRecordStatus; count: number; amount: Money }[];
  topUps: { status: TopUpStatus; count: number; amount: Money }[];
}
