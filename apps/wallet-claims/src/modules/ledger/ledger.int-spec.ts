import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { EntryType } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { OutboxRelay } from '@telehealth/messaging/eventing';
import { MONGO_URI } from '@telehealth/testing';
import { checkChain } from './chain-check';
import { Ledger } from './ledger';
import { LEDGER_ENTRY_MODEL, LedgerEntrySchema, type LedgerEntryDoc } from './ledger-entry.schema';
import { WALLET_MODEL, WalletSchema, type WalletDoc } from './wallet.schema';

const DB = `it_ledger_${randomUUID().slice(0, 8)}`;

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: LEDGER_ENTRY_MODEL, schema: LedgerEntrySchema },
      { name: WALLET_MODEL, schema: WalletSchema },
    ]),
  ],
})
class LedgerTestModule {}

const relay = { kick: () => undefined } as unknown as OutboxRelay;

describe('Ledger (real database, racing)', () => {
  let app: INestApplicationContext;
  let model: Model<LedgerEntryDoc>;
  let wallets: Model<WalletDoc>;
  /** Three "instances" of the service: separate in-process queues, one database. */
  let instances: Ledger[];

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(LedgerTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    model = app.get(getModelToken(LEDGER_ENTRY_MODEL));
    wallets = app.get(getModelToken(WALLET_MODEL));
    instances = [0, 1, 2].map(() => new Ledger(model, relay));
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  /** A wallet as WalletStore opens it: an empty chain, so its head hint is seq 0. */
  const newWallet = async (): Promise<WalletDoc> =>
    (
      await wallets.create({
        _id: randomUUID(),
        userId: randomUUID(),
        currency: 'NGN',
        createdAt: new Date(),
        head: { seq: 0, balanceMinor: 0, heldMinor: 0 },
      })
    ).toObject();
  const posting = (wallet: WalletDoc, type: EntryType, amountMinor: number, reference: string = randomUUID()) => ({
    wallet,
    type,
    amountMinor,
    reference,
    title: 't',
    subtitle: 's',
  });
  const chainOf = (walletId: string) => model.find({ walletId }).sort({ seq: 1 }).lean<LedgerEntryDoc[]>();

  it('100 concurrent debits of 10 against 500, spread over three instances: exactly 50 land, balance 0', async () => {
    const w = await newWallet();
    await instances[0].post(posting(w, EntryType.CREDIT, 500));
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => instances[i % 3].post(posting(w, EntryType.DEBIT, 10))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof DomainError,
    );
    expect(ok).toHaveLength(50);
    expect(refused).toHaveLength(50);
    expect(refused[0].reason.options.reason).toBe('INSUFFICIENT_FUNDS');
    const chain = await chainOf(w._id);
    expect(chain).toHaveLength(51);
    expect(chain.at(-1)!.balanceAfterMinor).toBe(0);
    expect(chain.every((e) => e.balanceAfterMinor >= 0)).toBe(true);
    expect(checkChain(w._id, 'NGN', chain)).toEqual([]);
    expect((await instances[1].stateOf(w._id)).balanceMinor).toBe(0);
  });

  it('one reference posted by 20 racers on three instances: one entry, every caller gets it', async () => {
    const w = await newWallet();
    const ref = `TOPUP_${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => instances[i % 3].post(posting(w, EntryType.CREDIT, 700, ref))),
    );
    expect(new Set(results.map((r) => r.entry._id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await chainOf(w._id)).toHaveLength(1);
  });

  it('an old head (other instances posted since) costs a retry, never a wrong balance or a false refusal', async () => {
    const w = await newWallet(); // every posting below carries the head of an empty chain
    for (let i = 0; i < 6; i++) await instances[i % 3].post(posting(w, EntryType.CREDIT, 100));
    const old = { ...w, head: { seq: 2, balanceMinor: 200, heldMinor: 0 } };
    // 300 is more than the old head shows: refused only if the chain says so.
    const debit = await new Ledger(model, relay).post(posting(old, EntryType.DEBIT, 300));
    expect(debit.entry).toMatchObject({ seq: 7, balanceAfterMinor: 300 });
    expect(checkChain(w._id, 'NGN', await chainOf(w._id))).toEqual([]);
  });

  it('holds never exceed what is available, and a hold settles at most once', async () => {
    const w = await newWallet();
    await instances[0].post(posting(w, EntryType.CREDIT, 1000));
    const holds = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => instances[i % 3].post(posting(w, EntryType.HOLD, 300, `HOLD_${i}`))),
    );
    expect(holds.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const state = await instances[2].stateOf(w._id);
    expect(state).toMatchObject({ balanceMinor: 1000, heldMinor: 900 });
    // A refusal recorded as FAILED moves nothing and tells the caller why.
    const refused = await instances[0].post({
      ...posting(w, EntryType.HOLD, 300, 'HOLD_refused'),
      onRefusal: { subtitle: 'Payment failed: insufficient funds' },
    });
    expect(refused).toMatchObject({ created: true, refused: 'INSUFFICIENT_FUNDS', entry: { status: 'FAILED' } });
    expect((await chainOf(w._id)).at(-1)).toMatchObject({ heldAfterMinor: 900, balanceAfterMinor: 1000 });
    expect(checkChain(w._id, 'NGN', await chainOf(w._id))).toEqual([]);
  });
});
