import { randomUUID } from 'node:crypto';
import { WalletEvents, type TopUpFailedV1, type WalletOpenedV1 } from '@telehealth/contracts';
import { EventTap, dbNameOf, rawDb, waitUntil } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';
import { entries, fund, mismatches, topUp, wallet } from './wallet-support';

const histogram = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((h, r) => ({ ...h, [r.status]: (h[r.status] ?? 0) + 1 }), {});

describe('Wallet - /v1/wallet', () => {
  let admin: Session;
  let opened: EventTap<WalletOpenedV1>;
  let failed: EventTap<TopUpFailedV1>;

  beforeAll(async () => {
    admin = await adminSession();
    opened = await EventTap.open(WalletEvents.walletOpened);
    failed = await EventTap.open(WalletEvents.topUpFailed);
  });
  afterAll(async () => {
    await opened.close();
    await failed.close();
  });
  // The ledger invariant holds after every test: every wallet replays to its stored balances.
  afterEach(async () => expect(await mismatches()).toEqual([]));

  it('register -> wallet opened (event), empty, in NGN', async () => {
    const p = await newPatient();
    const event = await opened.waitFor((e) => e.payload.userId === p.userId);
    const w = await wallet(p);
    expect(w).toMatchObject({
      id: event.payload.walletId,
      userId: p.userId,
      currency: 'NGN',
      balance: { amountMinor: 0, currency: 'NGN' },
      held: { amountMinor: 0 },
      available: { amountMinor: 0 },
      seq: 0,
    });
  });

  it('a sandbox top-up credits once, with a TOPUP_ reference, and shows as SUCCESS', async () => {
    const p = await newPatient();
    const w = await fund(p, 250_000);
    expect(w).toMatchObject({ balance: { amountMinor: 250_000 }, available: { amountMinor: 250_000 }, seq: 1 });
    const [credit] = await entries(p);
    expect(credit).toMatchObject({
      seq: 1,
      type: 'CREDIT',
      status: 'SUCCESS',
      title: 'Wallet Top-up',
      subtitle: 'Payment successful',
      amount: { amountMinor: 250_000, currency: 'NGN' },
      balanceAfter: { amountMinor: 250_000 },
      reference: expect.stringMatching(new RegExp(`^TOPUP_${p.userId}_\\d+$`)),
    });
    const list = await p.api.get('/v1/wallet/top-ups', { token: p.token });
    expect(list.body.items).toEqual([expect.objectContaining({ status: 'SUCCESS', entryId: credit.id })]);
  });

  it('a failed sandbox payment credits nothing and announces top-up.failed', async () => {
    const p = await newPatient();
    const res = await topUp(p, { amountMinor: 100_000, sandboxOutcome: 'FAIL', sandboxDelayMs: 0 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING', provider: 'sandbox' });
    await failed.waitFor((e) => e.payload.topUpId === res.body.id);
    const after = await p.api.get(`/v1/wallet/top-ups/${res.body.id}`, { token: p.token });
    expect(after.body).toMatchObject({ status: 'FAILED', entryId: null, failureReason: expect.any(String) });
    expect((await wallet(p)).balance.amountMinor).toBe(0);
  });

  it.each([
    ['amountMinor', { amountMinor: 0 }],
    ['amountMinor', { amountMinor: 1.5 }],
    ['amountMinor', { amountMinor: 99 }],
    ['provider', { amountMinor: 100_000, provider: 'paypal' }],
    ['sandboxOutcome', { amountMinor: 100_000, provider: 'stripe', sandboxOutcome: 'FAIL' }],
  ])('400 naming %s, and nothing started', async (field, body) => {
    const p = await newPatient();
    const res = await topUp(p, body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect((await p.api.get('/v1/wallet/top-ups', { token: p.token })).body.total).toBe(0);
  });

  it('400 naming Idempotency-Key when it is missing or malformed', async () => {
    const p = await newPatient();
    for (const headers of [{}, { 'idempotency-key': 'has spaces' }] as Record<string, string>[]) {
      const res = await p.api.post('/v1/wallet/top-ups', { amountMinor: 100_000 }, { token: p.token, headers });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    }
  });

  it('20 parallel top-ups with one key: identical answers, one top-up, one credit; another body with it is 422', async () => {
    const p = await newPatient();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => topUp(p, { amountMinor: 120_000, sandboxDelayMs: 0 }, key)),
    );
    expect(histogram(results)).toEqual({ 201: 20 });
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    await waitUntil(async () => (await wallet(p)).balance.amountMinor === 120_000, 'the credit');
    const retry = await topUp(p, { amountMinor: 120_000, sandboxDelayMs: 0 }, key);
    expect(retry.body).toEqual(results[0].body);
    const other = await topUp(p, { amountMinor: 130_000 }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', details: [{ field: 'Idempotency-Key' }] });
    expect((await p.api.get('/v1/wallet/top-ups', { token: p.token })).body.total).toBe(1);
    expect(await entries(p)).toHaveLength(1);
  });

  it('100 concurrent debits of 10 against 500: exactly 50 succeed, the balance ends at 0, never negative', async () => {
    const p = await newPatient();
    const w = await wallet(p);
    const credit = await admin.api.post(
      `/v1/admin/wallets/${w.id}/adjustments`,
      { type: 'CREDIT', amountMinor: 500, reason: 'Race test float' },
      { token: admin.token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(credit.status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        admin.api.post(
          `/v1/admin/wallets/${w.id}/adjustments`,
          { type: 'DEBIT', amountMinor: 10, reason: 'Race test debit' },
          { token: admin.token, headers: { 'idempotency-key': randomUUID() } },
        ),
      ),
    );
    expect(histogram(results)).toEqual({ 201: 50, 422: 50 });
    expect(results.find((r) => r.status === 422)!.body.reason).toBe('INSUFFICIENT_FUNDS');
    expect((await wallet(p)).balance.amountMinor).toBe(0);
    const ledger = await entries(p);
    expect(ledger).toHaveLength(51);
    expect(ledger.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(Math.min(...ledger.map((e) => e.balanceAfter.amountMinor))).toBe(0);
    expect(await mismatches(w.id)).toEqual([]);
  });

  it('reconciliation reports a tampered entry and an entry without a wallet (and nothing once they are put back)', async () => {
    const p = await newPatient();
    const { id } = await fund(p, 100_000);
    const orphan = randomUUID();
    const { db, close } = await rawDb(dbNameOf('wallet-claims'));
    const entries = db.collection('ledger_entries');
    try {
      await entries.updateOne({ walletId: id, seq: 1 }, { $set: { balanceAfterMinor: 1_000_000 } });
      const tampered = expect.objectContaining({
        walletId: id,
        seq: 1,
        problem: expect.stringContaining('replay gives 100000/0'),
      });
      expect(await mismatches(id)).toEqual([tampered]);
      const copy = await entries.findOne({ walletId: id, seq: 1 });
      await entries.insertOne({
        ...copy,
        _id: orphan as never,
        walletId: orphan,
        chainKey: `${orphan}:1`,
        reference: orphan,
      });
      // The whole-platform pass (one read of every ledger) finds both.
      const all = await mismatches();
      expect(all).toHaveLength(2);
      expect(all).toEqual(
        expect.arrayContaining([
          tampered,
          { walletId: orphan, seq: null, problem: '1 entries of a wallet that does not exist' },
        ]),
      );
    } finally {
      await entries.updateOne({ walletId: id, seq: 1 }, { $set: { balanceAfterMinor: 100_000 } });
      await entries.deleteOne({ _id: orphan as never });
      await close();
    }
    expect(await mismatches(id)).toEqual([]);
    expect(await mismatches()).toEqual([]);
  });

  it('transactions filter by type, status and date; the monthly statement adds up', async () => {
    const p = await newPatient();
    await fund(p, 300_000);
    const w = await wallet(p);
    await admin.api.post(
      `/v1/admin/wallets/${w.id}/adjustments`,
      { type: 'DEBIT', amountMinor: 50_000, reason: 'Statement test' },
      { token: admin.token, headers: { 'idempotency-key': randomUUID() } },
    );
    const debits = await p.api.get('/v1/wallet/transactions?type=DEBIT', { token: p.token });
    expect(debits.body).toMatchObject({ total: 1, items: [{ type: 'DEBIT', subtitle: 'Statement test' }] });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await p.api.get(`/v1/wallet/transactions?from=${future}`, { token: p.token })).body.total).toBe(0);
    expect((await p.api.get('/v1/wallet/transactions?status=FAILED', { token: p.token })).body.total).toBe(0);
    const bad = await p.api.get('/v1/wallet/transactions?type=GIFT', { token: p.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('type');

    const month = new Date().toISOString().slice(0, 7);
    const statement = (await p.api.get(`/v1/wallet/statements/${month}`, { token: p.token })).body;
    expect(statement).toMatchObject({
      month,
      openingBalance: { amountMinor: 0 },
      closingBalance: { amountMinor: 250_000 },
      totalIn: { amountMinor: 300_000 },
      totalOut: { amountMinor: 50_000 },
    });
    expect(statement.entries).toHaveLength(2);
    expect((await p.api.get('/v1/wallet/statements/2026-13', { token: p.token })).status).toBe(400);
  });

  it("GET /v1/admin/wallets/{id}/statements/{month}: an admin reads any wallet's statement", async () => {
    const p = await newPatient();
    await fund(p, 100_000);
    const w = await wallet(p);
    const month = new Date().toISOString().slice(0, 7);
    const res = await admin.api.get(`/v1/admin/wallets/${w.id}/statements/${month}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month, closingBalance: { amountMinor: 100_000 } });
    expect((await admin.api.get(`/v1/admin/wallets/${w.id}/statements/2026-13`, { token: admin.token })).status).toBe(
      400,
    );
  });

  it('a patient sees only their own wallet, top-ups and payments; admin routes are admin-only', async () => {
    const [a, b] = await Promise.all([newPatient(), newPatient()]);
    const topped = await topUp(a, { amountMinor: 100_000, sandboxOutcome: 'HOLD' });
    expect((await b.api.get(`/v1/wallet/top-ups/${topped.body.id}`, { token: b.token })).status).toBe(404);
    const aWallet = await wallet(a);
    expect((await b.api.get(`/v1/admin/wallets/${aWallet.id}`, { token: b.token })).status).toBe(403);
    expect((await b.api.post('/v1/admin/finance/reconciliation', {}, { token: b.token })).status).toBe(403);
    const sandbox = await b.api.post(
      `/v1/sandbox/checkout/${topped.body.reference}`,
      { outcome: 'SUCCEED' },
      { token: b.token },
    );
    expect(sandbox.status).toBe(404);
    expect((await wallet(b)).id).not.toBe(aWallet.id);
    expect((await admin.api.get(`/v1/admin/wallets/${aWallet.id}`, { token: admin.token })).body.userId).toBe(a.userId);
    // Opening a wallet for a user is an admin's act, and opens one wallet however often it is asked.
    expect((await b.api.post('/v1/admin/wallets', { userId: a.userId }, { token: b.token })).status).toBe(403);
    const opened = await admin.api.post('/v1/admin/wallets', { userId: a.userId }, { token: admin.token });
    expect(opened.body.id).toBe(aWallet.id);
    const usd = await admin.api.post(
      '/v1/admin/wallets',
      { userId: a.userId, currency: 'USD' },
      { token: admin.token },
    );
    expect(usd.status).toBe(201);
    expect(usd.body).toMatchObject({ userId: a.userId, currency: 'USD', balance: { amountMinor: 0 } });
    expect(usd.body.id).not.toBe(aWallet.id);
    const bad = await admin.api.post(
      '/v1/admin/wallets',
      { userId: 'nobody', currency: 'naira' },
      { token: admin.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['currency', 'userId']);
  });

  it('admin finance overview: totals by type and status over a period; 400 naming a bad period', async () => {
    const p = await newPatient();
    const from = new Date(Date.now() - 1000).toISOString();
    await fund(p, 110_000);
    const to = new Date(Date.now() + 1000).toISOString();
    const res = await admin.api.get(`/v1/admin/finance?from=${from}&to=${to}`, { token: admin.token });
    expect(res.status).toBe(200);
    const credits = res.body.totals.find(
      (t: { type: string; status: string }) => t.type === 'CREDIT' && t.status === 'SUCCESS',
    );
    expect(credits.count).toBeGreaterThanOrEqual(1);
    expect(credits.amount.amountMinor).toBeGreaterThanOrEqual(110_000);
    expect(res.body.topUps).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'SUCCESS' })]));
    const bad = await admin.api.get(`/v1/admin/finance?from=${to}&to=${from}`, { token: admin.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('to');
  });
});
