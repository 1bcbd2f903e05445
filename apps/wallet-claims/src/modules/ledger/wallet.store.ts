import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { WalletEvents, type PageQuery } from '@telehealth/contracts';
import { findPage, insertOrGet } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert } from '@telehealth/messaging/eventing';
import { walletIdOf } from './derived-id';
import { WALLET_MODEL, type WalletDoc } from './wallet.schema';

/** Wallets: opened once per user and currency, whoever asks first (the event or a request). */
@Injectable()
export class WalletStore {
  constructor(
    @InjectModel(WALLET_MODEL) private readonly wallets: Model<WalletDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The user's wallet in `currency`, opened now if there is none (one wallet, one event). */
  async open(userId: string, currency: string, correlationId?: string): Promise<WalletDoc> {
    const existing = await this.findByUser(userId, currency);
    if (existing) return existing;
    const _id = walletIdOf(userId, currency);
    const event = createEvent(
      WalletEvents.walletOpened,
      _id,
      { walletId: _id, userId, currency },
      { producer: 'wallet-claims', correlationId },
    );
    const { doc, created } = await insertOrGet(
      this.wallets,
      {
        _id,
        userId,
        currency,
        createdAt: new Date(),
        head: { seq: 0, balanceMinor: 0, heldMinor: 0 },
        ...outboxOnInsert([event]),
      },
      () => this.findByUser(userId, currency),
    );
    if (created) this.relay.kick();
    return doc;
  }

  /** A wallet that must exist (the ledger refers to it); its absence is a bug, not a 404. */
  async get(id: string): Promise<WalletDoc> {
    return this.require(await this.findById(id), id);
  }

  private require(w: WalletDoc | null, what: string): WalletDoc {
    if (!w) throw new Error(`wallet ${what} vanished`);
    return w;
  }

  /** By the derived id (a primary-key read), else by owner (wallets opened with random ids). */
  async findByUser(userId: string, currency: string): Promise<WalletDoc | null> {
    return (
      (await this.findById(walletIdOf(userId, currency))) ??
      (await this.wallets.findOne({ userId, currency }, { outbox: 0 }).lean<WalletDoc>())
    );
  }

  findById(id: string): Promise<WalletDoc | null> {
    return this.wallets.findById(id, { outbox: 0 }).lean<WalletDoc>().exec();
  }

  page(filter: { userId?: string }, q: PageQuery): Promise<{ items: WalletDoc[]; total: number }> {
    return findPage(this.wallets, filter, { createdAt: -1, _id: 1 }, q, { outbox: 0 });
  }

  /** Every wallet, oldest first, a batch at a time (reconciliation). */
  async *all(batch = 500): AsyncGenerator<WalletDoc> {
    let after = '';
    for (;;) {
      const docs = await this.wallets
        .find({ _id: { $gt: after } }, { outbox: 0 })
        .sort({ _id: 1 })
        .limit(batch)
        .lean<WalletDoc[]>();
      yield* docs;
      if (docs.length < batch) return;
      after = docs[docs.length - 1]._id;
    }
  }
}
