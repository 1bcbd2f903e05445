import { Schema, type Model } from 'mongoose';
import { claimOnce, insertUnique } from '../claim-once';
import { concurrently, testDb } from './test-db';

interface Claim {
  _id: string;
  by: number;
}
interface Account {
  _id: string;
  email: string;
}

describe('claimOnce (real database, racing)', () => {
  let db: Awaited<ReturnType<typeof testDb>>;
  let claims: Model<Claim>;
  let accounts: Model<Account>;

  beforeAll(async () => {
    db = await testDb('claim_once');
    claims = db.conn.model<Claim>('Claim', new Schema<Claim>({ _id: String, by: Number }, { versionKey: false }));
    const accountSchema = new Schema<Account>({ _id: String, email: String }, { versionKey: false });
    accountSchema.index({ email: 1 }, { unique: true });
    accounts = db.conn.model<Account>('Account', accountSchema);
    await accounts.init();
  });
  afterAll(() => db.drop());

  it('of 100 concurrent claims of one id, exactly one wins and its document is the one stored', async () => {
    const won = await concurrently(100, (by) => claimOnce(claims, { _id: 'secret-1', by }));
    expect(won.filter(Boolean)).toHaveLength(1);
    const stored = await claims.find({ _id: 'secret-1' }).lean();
    expect(stored).toEqual([{ _id: 'secret-1', by: won.indexOf(true) }]);
    expect(await claimOnce(claims, { _id: 'secret-1', by: 999 })).toBe(false);
  });

  it('a unique secondary key decides too: 50 accounts racing for one email, one is stored', async () => {
    const results = await concurrently(50, (i) => insertUnique(accounts, { _id: `u${i}`, email: 'ngozi@example.com' }));
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(await accounts.find({ email: 'ngozi@example.com' }).lean()).toEqual(winners);
  });
});
