import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  EntryType,
  ErrorCode,
  IdentityRpc,
  PaymentProviderName,
  Role,
  SandboxOutcome,
  TopUpStatus,
  WalletEvents,
  toPage,
  type Page,
  type SandboxCheckoutQuery,
  type SandboxCheckoutView,
  type SandboxCompleteRequest,
  type TopUpRequest,
  type TopUpView,
} from '@telehealth/contracts';
import { DomainError, RpcCallError, RpcClient, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { findPage, insertOrGet } from '@telehealth/persistence';
import { OutboxRelay, createEvent, withEvents } from '@telehealth/messaging/eventing';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { derivedId } from '../ledger/derived-id';
import { Ledger } from '../ledger/ledger';
import type { WalletDoc } from '../ledger/wallet.schema';
import { WalletStore } from '../ledger/wallet.store';
import {
  PAYMENT_PROVIDERS,
  type PaymentProvider,
  type PaymentProviders,
  type WebhookOutcome,
} from '../providers/payment-provider';
import { sandboxOf } from '../providers/providers.module';
import type { SandboxPaymentProvider } from '../providers/sandbox.provider';
import { toTopUpView } from './top-up.mapper';
import { TOP_UP_MODEL, type TopUpDoc } from './top-up.schema';

export interface StartTopUp {
  id: string;
  wallet: WalletDoc;
  provider: PaymentProviderName;
  amountMinor: number;
  description: string;
  appointmentId: string | null;
  sandbox?: { outcome: SandboxOutcome; delayMs: number };
  meta: RequestMeta;
}

/**
 * Top-ups: a checkout with a payment provider, then a credit when its verified webhook says
 * the money arrived (see WebhooksService). Also used for card payments of appointments.
 */
@Injectable()
export class TopUpsService {
  private readonly logger = new Logger(TopUpsService.name);

  constructor(
    @InjectModel(TOP_UP_MODEL) private readonly topUps: Model<TopUpDoc>,
    @Inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
    private readonly idempotency: IdempotencyService,
    private readonly relay: OutboxRelay,
    private readonly rpc: RpcClient,
    private readonly config: WalletClaimsConfig,
  ) {}

  create(q: TopUpRequest, meta: RequestMeta): Promise<TopUpView> {
    const caller = requireCaller(meta);
    const { idempotencyKey, ...body } = q;
    const { TOP_UP_MIN_MINOR: min, TOP_UP_MAX_MINOR: max } = this.config;
    if (q.amountMinor < min || q.amountMinor > max)
      throw DomainError.invalid('amountMinor', `must be between ${min} and ${max} minor units`);
    const provider = q.provider ?? this.defaultProvider();
    if (!this.providers.has(provider))
      throw DomainError.invalid('provider', `is not enabled here (enabled: ${[...this.providers.keys()].join(', ')})`);
    if (provider !== PaymentProviderName.SANDBOX && (q.sandboxOutcome || q.sandboxDelayMs !== undefined))
      throw DomainError.invalid('sandboxOutcome', 'applies to the sandbox provider only');
    return this.idempotency.run('top-up', caller.userId, idempotencyKey, body, async () => {
      const wallet = await this.wallets.open(caller.userId, this.config.WALLET_DEFAULT_CURRENCY, meta.requestId);
      return toTopUpView(
        await this.start({
          id: derivedId(`top-up:${caller.userId}:${idempotencyKey}`),
          wallet,
          provider,
          amountMinor: q.amountMinor,
          description: 'Wallet top-up',
          appointmentId: null,
          sandbox: {
            outcome: q.sandboxOutcome ?? SandboxOutcome.SUCCEED,
            delayMs: q.sandboxDelayMs ?? this.config.SANDBOX_DEFAULT_DELAY_MS,
          },
          meta,
        }),
      );
    });
  }

  /** Records the top-up (once per id) and opens its checkout with the provider (once). */
  async start(s: StartTopUp): Promise<TopUpDoc> {
    const now = new Date();
    const { doc } = await insertOrGet(this.topUps, {
      _id: s.id,
      walletId: s.wallet._id,
      userId: s.wallet.userId,
      provider: s.provider,
      amountMinor: s.amountMinor,
      currency: s.wallet.currency,
      status: TopUpStatus.PENDING,
      reference: `TOPUP_${s.wallet.userId}_${now.getTime()}`,
      appointmentId: s.appointmentId,
      createdAt: now,
    });
    if (doc.checkoutUrl || doc.providerReference || doc.status !== TopUpStatus.PENDING) return doc;
    const provider = this.providerOf(doc.provider);
    const session = await provider.createCheckout({
      reference: doc.reference,
      amount: { amountMinor: doc.amountMinor, currency: doc.currency },
      email: provider.name === PaymentProviderName.PAYSTACK ? await this.emailOf(s.wallet.userId, s.meta) : null,
      userId: doc.userId,
      description: s.description,
      returnUrl: `${this.config.PUBLIC_URL}/v1/wallet/top-ups/${doc._id}`,
      metadata: { topUpId: doc._id, ...(doc.appointmentId && { appointmentId: doc.appointmentId }) },
      sandbox: s.sandbox,
    });
    const set = { checkoutUrl: session.checkoutUrl, providerReference: session.providerReference };
    await this.topUps.updateOne({ _id: doc._id }, { $set: set });
    return { ...doc, ...set };
  }

  async get(id: string, meta: RequestMeta): Promise<TopUpView> {
    return toTopUpView(
      this.requireVisible(requireCaller(meta), await this.topUps.findById(id, { outbox: 0 }).lean<TopUpDoc>()),
    );
  }

  async list(q: { page: number; limit: number; status?: string }, meta: RequestMeta): Promise<Page<TopUpView>> {
    const caller = requireCaller(meta);
    const filter = { userId: caller.userId, ...(q.status && { status: q.status }) };
    const { items, total } = await findPage(this.topUps, filter, { createdAt: -1, _id: 1 }, q, { outbox: 0 });
    return toPage(items.map(toTopUpView), total, q);
  }

  findByReference(reference: string): Promise<TopUpDoc | null> {
    return this.topUps.findOne({ reference }, { outbox: 0 }).lean<TopUpDoc>().exec();
  }

  /** The checkout a sandbox payment link points at, for its page: the link's key is the credential. */
  async sandboxCheckout(q: SandboxCheckoutQuery, meta: RequestMeta): Promise<SandboxCheckoutView> {
    const doc = await this.sandboxTopUp(q.reference, q.key, meta);
    return {
      reference: doc.reference,
      amount: { amountMinor: doc.amountMinor, currency: doc.currency },
      status: doc.status,
      description: doc.appointmentId ? 'Appointment fee' : 'Wallet top-up',
    };
  }

  /** The sandbox payer finishes a checkout left on HOLD: its signed webhook follows. */
  async sandboxComplete(q: SandboxCompleteRequest, meta: RequestMeta): Promise<TopUpView> {
    const doc = await this.sandboxTopUp(q.reference, q.key, meta);
    if (doc.status !== TopUpStatus.PENDING)
      throw DomainError.conflict(`This top-up is already ${doc.status}`, 'TOP_UP_SETTLED');
    await this.sandbox().complete(doc.reference, q.outcome === 'FAIL' ? SandboxOutcome.FAIL : SandboxOutcome.SUCCEED, {
      amountMinor: doc.amountMinor,
      currency: doc.currency,
    });
    return toTopUpView(doc);
  }

  private sandbox(): SandboxPaymentProvider {
    const sandbox = sandboxOf(this.providers);
    if (!sandbox) throw DomainError.notFound('Sandbox provider');
    return sandbox;
  }

  /** A sandbox top-up, for whoever holds its link's key, or (no key) for its owner; 404 otherwise. */
  private async sandboxTopUp(reference: string, key: string | undefined, meta: RequestMeta): Promise<TopUpDoc> {
    const sandbox = this.sandbox();
    const found = await this.findByReference(reference);
    if (key === undefined) return this.requireSandbox(this.requireVisible(requireCaller(meta), found));
    if (!found || !sandbox.isCheckoutKey(reference, key)) throw DomainError.notFound('Checkout');
    return this.requireSandbox(found);
  }

  private requireSandbox(doc: TopUpDoc): TopUpDoc {
    if (doc.provider !== PaymentProviderName.SANDBOX) throw DomainError.invalid('reference', 'is not a sandbox top-up');
    return doc;
  }

  /** The provider collected the money: credit the wallet once. Returns whether this call did. */
  async credit(t: TopUpDoc, outcome: WebhookOutcome, correlationId?: string): Promise<boolean> {
    if (outcome.amount && (outcome.amount.amountMinor !== t.amountMinor || outcome.amount.currency !== t.currency)) {
      this.logger.error(
        `top-up ${t._id}: provider reports ${outcome.amount.amountMinor} ${outcome.amount.currency}, expected ${t.amountMinor} ${t.currency}; not credited`,
      );
      await this.fail(t, 'AMOUNT_MISMATCH: the provider reported a different amount', correlationId);
      return false;
    }
    const wallet = await this.wallets.get(t.walletId);
    const { entry, created } = await this.ledger.post({
      wallet,
      type: EntryType.CREDIT,
      amountMinor: t.amountMinor,
      reference: t.reference,
      title: t.appointmentId ? 'Card payment' : 'Wallet Top-up',
      subtitle: 'Payment successful',
      topUpId: t._id,
      appointmentId: t.appointmentId,
      correlationId,
    });
    await this.topUps.updateOne(
      { _id: t._id },
      {
        $set: {
          status: TopUpStatus.SUCCESS,
          entryId: entry._id,
          failureReason: null,
          completedAt: entry.createdAt,
          ...(outcome.providerReference && { providerReference: outcome.providerReference }),
        },
      },
    );
    return created;
  }

  /** The provider says the payment failed; nothing is credited (unless it already was). */
  async fail(t: TopUpDoc, reason: string, correlationId?: string): Promise<boolean> {
    if (await this.ledger.findByReference(t.reference)) return false; // money arrived after all
    if (t.status === TopUpStatus.FAILED) return false;
    const event = createEvent(
      WalletEvents.topUpFailed,
      t._id,
      {
        topUpId: t._id,
        walletId: t.walletId,
        userId: t.userId,
        provider: t.provider,
        amount: { amountMinor: t.amountMinor, currency: t.currency },
        reference: t.reference,
        reason,
      },
      { producer: 'wallet-claims', correlationId },
    );
    await this.topUps.updateOne(
      { _id: t._id },
      withEvents<TopUpDoc>({ $set: { status: TopUpStatus.FAILED, failureReason: reason, completedAt: new Date() } }, [
        event,
      ]),
    );
    this.relay.kick();
    return true;
  }

  defaultProvider(): PaymentProviderName {
    return [...this.providers.keys()][0];
  }

  private providerOf(name: PaymentProviderName): PaymentProvider {
    const p = this.providers.get(name);
    if (!p) throw DomainError.unavailable(`Payment provider ${name} is not enabled`, 'PROVIDER_DISABLED');
    return p;
  }

  private requireVisible(caller: ReturnType<typeof requireCaller>, t: TopUpDoc | null): TopUpDoc {
    if (!t || (t.userId !== caller.userId && !caller.roles.includes(Role.ADMIN))) throw DomainError.notFound('Top-up');
    return t;
  }

  /**
   * The payer's email, which Paystack requires: asked of identity service to service, so a
   * checkout opened by the booking saga (no caller) has it too. Identity down: retry later.
   */
  private async emailOf(userId: string, meta: RequestMeta): Promise<string | null> {
    try {
      return (await this.rpc.call(IdentityRpc.userContact, { userId }, { requestId: meta.requestId })).email;
    } catch (err) {
      if (err instanceof RpcCallError && err.wire.code === ErrorCode.NOT_FOUND) return null;
      throw DomainError.unavailable(
        'The payer’s email cannot be read from identity right now; retry shortly',
        'IDENTITY_UNAVAILABLE',
      );
    }
  }
}
