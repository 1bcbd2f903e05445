import { Logger } from '@nestjs/common';
import {
  CancelledBy,
  AppointmentStatus,
  EntryStatus,
  EntryType,
  PaymentProviderName,
  type AppointmentCancelledV1,
  type AppointmentHeldV1,
  type EventEnvelope,
  type PageQuery,
} from '@telehealth/contracts';
import { WalletClaimsConfig } from '../../../../config/wallet-claims.config';
import type { Ledger, Posting, PostResult } from '../../../ledger/ledger';
import type { LedgerEntryDoc } from '../../../ledger/ledger-entry.schema';
import type { WalletDoc } from '../../../ledger/wallet.schema';
import type { WalletStore } from '../../../ledger/wallet.store';
import type { StartTopUp, TopUpsService } from '../../../top-ups/top-ups.service';
import type { TopUpDoc } from '../../../top-ups/top-up.schema';
import { nextPaymentStatus, type PaymentEvent } from '../../payment-lifecycle';
import { PaymentMovements } from '../../payment-movements';
import type { PaymentDoc, SettlementDoc } from '../../payment.schema';
import type { NewPayment, PaymentFacts, PaymentStore } from '../../payment.store';
import type { SettlementStore } from '../../settlement.store';
import { CapturePayment } from '../capture-payment/capture-payment.usecase';
import { GetPayment } from '../get-payment/get-payment.usecase';
import { HoldPayment } from '../hold-payment/hold-payment.usecase';
import { ListPayments } from '../list-payments/list-payments.usecase';
import { RecordCheckoutOutcome } from '../record-checkout-outcome/record-checkout-outcome.usecase';
import { RefundPayment } from '../refund-payment/refund-payment.usecase';
import { ReleasePayment } from '../release-payment/release-payment.usecase';
import { Clock, FakeClock, SequentialIds } from '@telehealth/service-kit';

export { FakeClock, SequentialIds };

/** Public members only, so a fake can stand for a class with private dependencies. */
type Public<T> = Pick<T, keyof T>;

/** Fakes of what the payment use cases depend on: in memory, strict, inspectable. */

/** The store's contract: a record changes only as the lifecycle table allows, from its current status. */
export class FakePaymentStore implements Public<PaymentStore> {
  readonly docs = new Map<string, PaymentDoc>();
  readonly events: EventEnvelope[] = [];
  /** Every change applied, in order. */
  readonly log: { id: string; event: PaymentEvent; from: string; to: string }[] = [];

  constructor(private readonly clock: Clock) {}

  async insertOrGet(p: NewPayment): Promise<PaymentDoc> {
    const existing = await this.byAppointment(p.appointmentId);
    if (existing) return existing;
    const now = this.clock.now();
    const created: PaymentDoc = { ...p, createdAt: now, updatedAt: now, outbox: [] };
    this.docs.set(p._id, created);
    return { ...created };
  }

  async byAppointment(appointmentId: string): Promise<PaymentDoc | null> {
    const found = [...this.docs.values()].find((d) => d.appointmentId === appointmentId);
    return found ? { ...found } : null;
  }

  async byId(id: string): Promise<PaymentDoc | null> {
    const d = this.docs.get(id);
    return d ? { ...d } : null;
  }

  async page(filter: Partial<Record<keyof PaymentDoc, unknown>>, q: PageQuery) {
    const all = [...this.docs.values()].filter((d) =>
      Object.entries(filter).every(([k, v]) => d[k as keyof PaymentDoc] === v),
    );
    const items = all.slice((q.page - 1) * q.limit, q.page * q.limit);
    return { items: items.map((d) => ({ ...d })), total: all.length };
  }

  async apply(id: string, event: PaymentEvent, facts: PaymentFacts = {}, events: EventEnvelope[] = []) {
    const stored = this.docs.get(id);
    const to = stored && nextPaymentStatus(stored.status, event);
    if (!stored || !to) return false;
    this.docs.set(id, { ...stored, ...facts, status: to, updatedAt: this.clock.now() });
    this.log.push({ id, event, from: stored.status, to });
    this.events.push(...events);
    return true;
  }

  /** The only payment (most tests have one). */
  only(): PaymentDoc {
    const [d, ...more] = [...this.docs.values()];
    if (!d || more.length) throw new Error(`expected one payment, found ${this.docs.size}`);
    return { ...d };
  }
}

export class FakeSettlements implements Public<SettlementStore> {
  readonly docs = new Map<string, SettlementDoc>();
  constructor(private readonly clock: Clock) {}
  async decide(appointmentId: string, outcome: SettlementDoc['outcome'], cause: string): Promise<SettlementDoc> {
    const decided = this.docs.get(appointmentId) ?? { _id: appointmentId, outcome, cause, at: this.clock.now() };
    this.docs.set(appointmentId, decided);
    return { ...decided };
  }
  async find(appointmentId: string): Promise<SettlementDoc | null> {
    const d = this.docs.get(appointmentId);
    return d ? { ...d } : null;
  }
}

/** Wallets with a balance and a held amount; the ledger keeps them. */
type FakeWallet = WalletDoc & { balanceMinor: number; heldMinor: number };

export class FakeWallets implements Pick<WalletStore, 'open' | 'get'> {
  readonly docs = new Map<string, FakeWallet>();
  async open(userId: string, currency: string): Promise<WalletDoc> {
    return { ...this.opened(userId, currency) };
  }
  /** The stored wallet itself (the fake ledger moves its money). */
  opened(userId: string, currency: string): FakeWallet {
    const id = `wallet-${userId}-${currency}`;
    const w =
      this.docs.get(id) ??
      ({
        _id: id,
        userId,
        currency,
        hasActiveCard: false,
        createdAt: new Date(0),
        head: null,
        balanceMinor: 0,
        heldMinor: 0,
        outbox: [],
      } as unknown as FakeWallet);
    this.docs.set(id, w);
    return w;
  }
  async get(id: string): Promise<WalletDoc> {
    const w = this.docs.get(id);
    if (!w) throw new Error(`wallet ${id} vanished`);
    return { ...w };
  }
  /** Puts money in a user's wallet. */
  async fund(userId: string, amountMinor: number, currency = 'NGN'): Promise<void> {
    this.opened(userId, currency).balanceMinor += amountMinor;
  }
  of(userId: string, currency = 'NGN') {
    const w = this.docs.get(`wallet-${userId}-${currency}`);
    return { balanceMinor: w?.balanceMinor ?? 0, heldMinor: w?.heldMinor ?? 0 };
  }
}

/** The ledger's contract: one entry per reference; a hold the wallet cannot afford is a FAILED entry. */
export class FakeLedger implements Pick<Ledger, 'post' | 'findByReference'> {
  readonly entries: LedgerEntryDoc[] = [];
  readonly events: EventEnvelope[] = [];

  constructor(private readonly wallets: FakeWallets) {}

  async post(p: Posting): Promise<PostResult> {
    const earlier = this.entries.find((e) => e.reference === p.reference);
    if (earlier) return { entry: earlier, created: false, refused: null };
    const w = this.wallets.opened(p.wallet.userId, p.wallet.currency);
    const refusal = p.type === EntryType.HOLD && w.balanceMinor - w.heldMinor < p.amountMinor ? p.onRefusal : null;
    const refused = refusal !== null;
    if (refusal === undefined) throw new Error('insufficient funds');
    if (!refused) {
      if (p.type === EntryType.HOLD) w.heldMinor += p.amountMinor;
      if (p.type === EntryType.RELEASE) w.heldMinor -= p.amountMinor;
      if (p.type === EntryType.CAPTURE) w.heldMinor -= p.amountMinor;
      if (p.type === EntryType.CAPTURE) w.balanceMinor -= p.amountMinor;
      if (p.type === EntryType.REFUND) w.balanceMinor += p.amountMinor;
    }
    const entry = {
      _id: `entry-${p.reference}`,
      walletId: w._id,
      userId: w.userId,
      seq: this.entries.length + 1,
      chainKey: `${w._id}:${this.entries.length + 1}`,
      type: p.type,
      status: refused ? EntryStatus.FAILED : p.type === EntryType.HOLD ? EntryStatus.PENDING : EntryStatus.SUCCESS,
      amountMinor: p.amountMinor,
      currency: w.currency,
      reference: p.reference,
      title: p.title,
      subtitle: refusal ? refusal.subtitle : p.subtitle,
      balanceAfterMinor: w.balanceMinor,
      heldAfterMinor: w.heldMinor,
      appointmentId: p.appointmentId ?? null,
      paymentId: p.paymentId ?? null,
      topUpId: null,
      relatedReference: p.relatedReference ?? null,
      createdAt: new Date(0),
      outbox: [],
    } as LedgerEntryDoc;
    this.entries.push(entry);
    this.events.push(...((refusal ? refusal.events?.(entry) : p.events?.(entry)) ?? []));
    return { entry, created: true, refused: refused ? 'INSUFFICIENT_FUNDS' : null };
  }

  async findByReference(reference: string): Promise<LedgerEntryDoc | null> {
    return this.entries.find((e) => e.reference === reference) ?? null;
  }

  /** The references posted, in order. */
  references(): string[] {
    return this.entries.map((e) => `${e.reference}${e.status === EntryStatus.FAILED ? ' (failed)' : ''}`);
  }
}

/** Card checkouts opened; `refuse` makes the provider refuse the next one. */
export class FakeTopUps implements Pick<TopUpsService, 'start' | 'defaultProvider'> {
  readonly started: StartTopUp[] = [];
  refuse: Error | null = null;
  async start(s: StartTopUp): Promise<TopUpDoc> {
    if (this.refuse) throw this.refuse;
    this.started.push(s);
    return {
      _id: s.id,
      reference: `TOPUP_${s.appointmentId}`,
      checkoutUrl: `https://checkout.test/${s.id}`,
    } as TopUpDoc;
  }
  defaultProvider(): PaymentProviderName {
    return PaymentProviderName.SANDBOX;
  }
}

export const NOW = new Date('2030-03-04T08:00:00.000Z');
export const HOUR = 3_600_000;
export const FEE = 500_000;

/** Every payment use case wired to fakes, with the fakes to inspect. */
export function paymentsHarness() {
  Logger.overrideLogger(false);
  const clock = new FakeClock(NOW);
  const ids = new SequentialIds('pay');
  const store = new FakePaymentStore(clock);
  const settlements = new FakeSettlements(clock);
  const wallets = new FakeWallets();
  const ledger = new FakeLedger(wallets);
  const topUps = new FakeTopUps();
  const config = Object.assign(new WalletClaimsConfig(), { REFUND_FULL_NOTICE_HOURS: 24, REFUND_LATE_PERCENT: 50 });
  const s = store as unknown as PaymentStore;
  const st = settlements as unknown as SettlementStore;
  const w = wallets as unknown as WalletStore;
  const l = ledger as unknown as Ledger;
  const movements = new PaymentMovements(s, st, w, l);
  return {
    clock,
    store,
    settlements,
    wallets,
    ledger,
    topUps,
    config,
    hold: new HoldPayment(s, st, movements, w, topUps as unknown as TopUpsService, clock, ids),
    checkoutOutcome: new RecordCheckoutOutcome(s, st, movements, ids),
    capture: new CapturePayment(s, st, movements),
    release: new ReleasePayment(s, st, movements),
    refund: new RefundPayment(s, st, movements, w, l, config),
    get: new GetPayment(s),
    list: new ListPayments(s),
  };
}

export type PaymentsHarness = ReturnType<typeof paymentsHarness>;

/** scheduling's `appointment.held` for appointment `id`: a fee, a hold of 15 minutes from NOW. */
export function heldEvent(id = 'appt-1', over: Partial<AppointmentHeldV1> = {}): AppointmentHeldV1 {
  return {
    appointmentId: id,
    patientId: 'patient-1',
    fee: { amountMinor: FEE, currency: 'NGN' },
    holdExpiresAt: new Date(NOW.getTime() + 15 * 60_000).toISOString(),
    ...over,
  } as AppointmentHeldV1;
}

/** scheduling's `appointment.cancelled` for appointment `id`, starting `hoursAhead` after NOW. */
export function cancelledEvent(
  id: string,
  previousStatus: AppointmentStatus,
  cancelledBy: CancelledBy = CancelledBy.PATIENT,
  hoursAhead = 48,
): AppointmentCancelledV1 {
  return {
    appointmentId: id,
    patientId: 'patient-1',
    start: new Date(NOW.getTime() + hoursAhead * HOUR).toISOString(),
    cancelledBy,
    previousStatus,
  } as AppointmentCancelledV1;
}

/** A funded patient's fee held on the wallet for appointment `id` (through HoldPayment). */
export async function held(h: PaymentsHarness, id = 'appt-1', funds = FEE * 2): Promise<PaymentDoc> {
  await h.wallets.fund('patient-1', funds);
  await h.hold.execute(heldEvent(id), 'corr-hold');
  const p = await h.store.byAppointment(id);
  if (!p) throw new Error(`no payment for ${id}`);
  return p;
}
