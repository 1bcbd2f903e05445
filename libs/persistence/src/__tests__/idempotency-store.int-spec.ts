import type { Model } from 'mongoose';
import { ErrorCode } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { IdempotencyKeySchema, IdempotencyStore, requestHashOf, type IdempotencyKeyDoc } from '../idempotency-store';
import { concurrently, testDb } from './test-db';

describe('IdempotencyStore (real database, racing)', () => {
  let db: Awaited<ReturnType<typeof testDb>>;
  let keys: Model<IdempotencyKeyDoc>;
  /** Three "instances": separate stores, one database. */
  let stores: IdempotencyStore[];

  beforeAll(async () => {
    db = await testDb('idempotency');
    keys = db.conn.model<IdempotencyKeyDoc>('IdempotencyKey', IdempotencyKeySchema);
    stores = [0, 1, 2].map(() => new IdempotencyStore(keys, { ttlMs: 3_600_000, waitMs: 20_000, pollMs: 10 }));
  });
  afterAll(() => db.drop());

  it('40 concurrent requests with one key and body: the work runs once and all get its answer', async () => {
    let runs = 0;
    const answers = await concurrently(40, (i) =>
      stores[i % 3].run('top-up:u1:k1', { amountMinor: 500, note: 'x' }, async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
        return { id: `t-${runs}` };
      }),
    );
    expect(runs).toBe(1);
    expect(new Set(answers.map((a) => a.id))).toEqual(new Set(['t-1']));
    // Key order of the body does not matter; another body with the key is a 422 with a reason.
    await expect(
      stores[0].run('top-up:u1:k1', { note: 'x', amountMinor: 500 }, async () => ({ id: 'no' })),
    ).resolves.toEqual({ id: 't-1' });
    const reused = await stores[1]
      .run('top-up:u1:k1', { amountMinor: 501 }, async () => ({ id: 'no' }))
      .catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(DomainError);
    expect(reused).toMatchObject({ code: ErrorCode.UNPROCESSABLE, options: { reason: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('a decided error is replayed; an undecided one frees the key for the retry', async () => {
    let runs = 0;
    const refuse = () =>
      stores[0].run('k:decided', { a: 1 }, async () => {
        runs++;
        throw DomainError.unprocessable('Insufficient funds', 'INSUFFICIENT_FUNDS');
      });
    await expect(refuse()).rejects.toMatchObject({ options: { reason: 'INSUFFICIENT_FUNDS' } });
    await expect(refuse()).rejects.toMatchObject({ options: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(runs).toBe(1);

    let attempts = 0;
    const flaky = () =>
      stores[1].run('k:flaky', { a: 1 }, async () => {
        if (++attempts === 1) throw new Error('provider down');
        return 'ok';
      });
    await expect(flaky()).rejects.toThrow('provider down');
    await expect(flaky()).resolves.toBe('ok');
    expect(attempts).toBe(2);
  });

  it('a stuck claim (its worker died) is taken over after its lease by exactly one of 30 retries', async () => {
    const past = new Date(Date.now() - 60_000);
    await keys.create({
      _id: 'k:stuck',
      requestHash: requestHashOf({ a: 1 }),
      state: 'IN_PROGRESS',
      owner: 'dead-worker',
      leaseUntil: past,
      createdAt: past,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    let runs = 0;
    const answers = await concurrently(30, (i) =>
      stores[i % 3].run('k:stuck', { a: 1 }, async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
        return `done-${runs}`;
      }),
    );
    expect(runs).toBe(1);
    expect(new Set(answers)).toEqual(new Set(['done-1']));
  });

  it('a stuck claim written before owners and leases existed is taken over once too', async () => {
    const past = new Date(Date.now() - 60_000);
    await keys.collection.insertOne({
      _id: 'k:legacy' as never,
      requestHash: requestHashOf({ a: 1 }),
      state: 'IN_PROGRESS',
      response: null,
      failed: false,
      createdAt: past,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    let runs = 0;
    const answers = await concurrently(10, (i) =>
      stores[i % 3].run('k:legacy', { a: 1 }, async () => `done-${++runs}`),
    );
    expect(runs).toBe(1);
    expect(new Set(answers)).toEqual(new Set(['done-1']));
  });

  it('an expired key is new again (and sweep drops expired keys)', async () => {
    const short = new IdempotencyStore(keys, { ttlMs: 1, waitMs: 1_000 });
    await short.run('k:expiring', { a: 1 }, async () => 'first');
    await new Promise((r) => setTimeout(r, 5));
    await expect(short.run('k:expiring', { a: 2 }, async () => 'second')).resolves.toBe('second');
    await new Promise((r) => setTimeout(r, 5));
    expect(await short.sweep()).toBeGreaterThanOrEqual(2);
    expect(await keys.countDocuments({ _id: { $in: ['k:expiring', 'k:expiring#answer'] } })).toBe(0);
  });

  it('sweepEvery keeps dropping expired keys until stopped', async () => {
    const short = new IdempotencyStore(keys, { ttlMs: 1, waitMs: 1_000 });
    const errors: unknown[] = [];
    const stop = short.sweepEvery((e) => errors.push(e), 20);
    try {
      await short.run('k:swept', { a: 1 }, async () => 'once');
      const gone = async () => (await keys.countDocuments({ _id: { $in: ['k:swept', 'k:swept#answer'] } })) === 0;
      for (let i = 0; i < 100 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await gone()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
    await short.run('k:kept', { a: 1 }, async () => 'kept');
    await new Promise((r) => setTimeout(r, 100));
    expect(await keys.countDocuments({ _id: 'k:kept' })).toBe(1);
  });
});
