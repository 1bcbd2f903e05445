import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EntryStatus, type EntryType, type EventEnvelope } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { claimOnce } from '@telehealth/persistence';
import { OutboxRelay, outboxOnInsert } from '@telehealth/messaging/eventing';
import { entryIdOf } from './derived-id';
import { KeyedMutex } from './keyed-mutex';
import { LEDGER_ENTRY_MODEL, type LedgerEntryDoc } from './ledger-entry.schema';
import { movementEvent } from './ledger-events';
import { EMPTY_STATE, applyMovement, successStatusOf, type Refusal, type WalletState } from './movement';
import type { HeadHint, WalletDoc } from './wallet.schema';

/** One movement to post. */
export interface Posting {
  wallet: Pick<WalletDoc, '_id' | 'userId' | 'currency' | 'head'>;
  type: EntryType;
  amountMinor: number;
  /** Unique platform-wide: a second posting with it returns the first entry and moves nothing. */
  reference: string;
  title: string;
  subtitle: string;
  appointmentId?: string | null;
  paymentId?: string | null;
  topUpId?: string | null;
  relatedReference?: string | null;
  correlationId?: string;
  /** Events published with the entry, in the same single-document write (the saga's outcome). */
  events?: (entry: LedgerEntryDoc) => EventEnvelope[];
  /**
   * When the wallet cannot afford it: record a FAILED entry with this subtitle and these events
   * (so the owner sees the attempt and the saga learns the outcome) instead of throwing.
   */
  onRefusal?: { subtitle: string; events?: (entry: LedgerEntryDoc) => EventEnvelope[] };
}

export interface PostResult {
  entry: LedgerEntryDoc;
  /** False when an entry with the reference already existed (a retry): nothing moved now. */
  created: boolean;
  refused: Refusal | null;
}

type Head = HeadHint & WalletState;

const MAX_CHAIN_RETRIES = 50;
const HEAD_CACHE_LIMIT = 10_000;

/**
 * Appends to wallet ledgers. A posting reads the wallet's newest entry, applies the movement
 * rules, and inserts the next entry under the unique chain key `${walletId}:${seq + 1}`. If
 * another posting got that seq first, the insert fails and this one recomputes from the new
 * head: a wallet's entries are a single chain, each computed from the one before, so a
 * balance can never go negative and always equals the replay of its entries.
 */
@Injectable()
export class Ledger {
  private readonly logger = new Logger(Ledger.name);
  private readonly mutex = new KeyedMutex();
  /** Newest entry per wallet posted through this process; only a hint (the insert decides). */
  private readonly heads = new Map<string, Head>();

  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntryDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async post(p: Posting): Promise<PostResult> {
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor <= 0)
      throw DomainError.invalid('amountMinor', 'must be a positive whole number of minor units');
    // A retry is answered before queueing, so the wallet's queue holds only new postings (each
    // one insert while it holds the wallet); a duplicate that slips past is caught by the unique
    // reference on insert. By primary key: this runs for every posting.
    const earlier = await this.entries.findById(entryIdOf(p.reference)).lean<LedgerEntryDoc>();
    if (earlier) return { entry: earlier, created: false, refused: null };
    return this.mutex.run(p.wallet._id, () => this.postLocked(p));
  }

  /** The wallet's state as of its newest entry, read from the database. */
  async stateOf(walletId: string): Promise<Head & { lastAt: Date | null }> {
    const head = await this.entries
      .findOne({ walletId }, { seq: 1, balanceAfterMinor: 1, heldAfterMinor: 1, createdAt: 1 })
      .sort({ seq: -1 })
      .lean<LedgerEntryDoc>();
    return head ? { ...toHead(head), lastAt: head.createdAt } : { ...EMPTY_STATE, seq: 0, lastAt: null };
  }

  /**
   * The entry with this reference: by its derived id, else by the field (entries written before
   * ids were derived from references have random ids).
   */
  async findByReference(reference: string): Promise<LedgerEntryDoc | null> {
    return (
      (await this.entries.findById(entryIdOf(reference)).lean<LedgerEntryDoc>()) ??
      (await this.entries.findOne({ reference }).lean<LedgerEntryDoc>())
    );
  }

  private async postLocked(p: Posting): Promise<PostResult> {
    // First from what this process knows, or the head the wallet was opened with (either may be
    // behind: other instances, earlier runs); after a collision, or before refusing, from the chain.
    let fromChain = false;
    for (let attempt = 0; attempt < MAX_CHAIN_RETRIES; attempt++) {
      const known = fromChain ? undefined : (this.heads.get(p.wallet._id) ?? p.wallet.head ?? undefined);
      const head = known ?? (await this.stateOf(p.wallet._id));
      fromChain = true;
      const status = successStatusOf(p.type);
      const next = applyMovement(head, p.type, status, p.amountMinor);
      const refused = typeof next === 'string' ? next : null;
      if (refused && known) continue; // money may have arrived since: decide on the chain
      const onRefusal = refused ? p.onRefusal : undefined;
      if (refused && !onRefusal) {
        throw refused === 'INSUFFICIENT_FUNDS'
          ? DomainError.unprocessable(
              `Insufficient funds: ${p.amountMinor} needed, ${head.balanceMinor - head.heldMinor} available`,
              'INSUFFICIENT_FUNDS',
            )
          : DomainError.conflict('There is no such hold on this wallet to settle', 'NOTHING_HELD');
      }
      const after = typeof next === 'string' ? head : next;
      const entry: LedgerEntryDoc = {
        _id: entryIdOf(p.reference),
        walletId: p.wallet._id,
        userId: p.wallet.userId,
        seq: head.seq + 1,
        chainKey: `${p.wallet._id}:${head.seq + 1}`,
        type: p.type,
        status: onRefusal ? EntryStatus.FAILED : status,
        amountMinor: p.amountMinor,
        currency: p.wallet.currency,
        reference: p.reference,
        title: p.title,
        subtitle: onRefusal ? onRefusal.subtitle : p.subtitle,
        balanceAfterMinor: after.balanceMinor,
        heldAfterMinor: after.heldMinor,
        appointmentId: p.appointmentId ?? null,
        paymentId: p.paymentId ?? null,
        topUpId: p.topUpId ?? null,
        relatedReference: p.relatedReference ?? null,
        createdAt: new Date(),
        outbox: [],
      };
      const extra = (onRefusal ? onRefusal.events?.(entry) : p.events?.(entry)) ?? [];
      const events = [...movementEvent(entry, p.correlationId), ...extra];
      // Unique twice: the reference (`_id`, a replay) and the chain key (another posting got this seq).
      if (!(await claimOnce(this.entries, { ...entry, ...outboxOnInsert(events) }))) {
        this.heads.delete(p.wallet._id);
        // After a known head, a collision is most likely that head being old: the primary-key look-up
        // answers a replay; the by-field one (entries from before derived ids) waits for a chain-based attempt.
        const same = known
          ? await this.entries.findById(entryIdOf(p.reference)).lean<LedgerEntryDoc>()
          : await this.findByReference(p.reference);
        if (same) return { entry: same, created: false, refused: null };
        continue; // another process appended first: recompute from its entry
      }
      this.remember(p.wallet._id, { seq: entry.seq, balanceMinor: after.balanceMinor, heldMinor: after.heldMinor });
      this.relay.kick();
      return { entry, created: true, refused };
    }
    this.logger.warn(`wallet ${p.wallet._id}: gave up after ${MAX_CHAIN_RETRIES} contended attempts`);
    // Contention across many instances on one wallet: safe to retry.
    throw DomainError.unavailable('The wallet is busy; retry shortly', 'WALLET_BUSY');
  }

  private remember(walletId: string, head: Head): void {
    this.heads.delete(walletId);
    this.heads.set(walletId, head);
    const oldest = this.heads.keys().next().value;
    if (this.heads.size > HEAD_CACHE_LIMIT && oldest !== undefined) this.heads.delete(oldest);
  }
}

const toHead = (e: Pick<LedgerEntryDoc, 'seq' | 'balanceAfterMinor' | 'heldAfterMinor'>): Head => ({
  seq: e.seq,
  balanceMinor: e.balanceAfterMinor,
  heldMinor: e.heldAfterMinor,
});
