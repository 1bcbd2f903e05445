import { Schema, type Model } from 'mongoose';
import { insertOrGet } from '../insert-or-get';
import { concurrently, testDb } from './test-db';

interface Payment {
  _id: string;
  appointmentId: string;
  by: number;
}

describe('insertOrGet (real database, racing)', () => {
  let db: Awaited<ReturnType<typeof testDb>>;
  let payments: Model<Payment>;

  beforeAll(async () => {
    db = await testDb('insert_or_get');
    const schema = new Schema<Payment>({ _id: String, appointmentId: String, by: Number }, { versionKey: false });
    schema.index({ appointmentId: 1 }, { unique: true });
    payments = db.conn.model<Payment>('Payment', schema);
    await payments.init();
  });
  afterAll(() => db.drop());

  it('by _id: of 60 concurrent callers one creates, all get the same document', async () => {
    const results = await concurrently(60, (by) => insertOrGet(payments, { _id: 'p-1', appointmentId: 'a-1', by }));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.doc;
    for (const r of results) expect(r.doc).toEqual(winner);
    expect(await payments.find({ appointmentId: 'a-1' }).lean()).toEqual([winner]);
  });

  it('by a unique business key with random ids: one document per appointment, found by its key', async () => {
    const results = await concurrently(60, (by) =>
      insertOrGet(payments, { _id: `rand-${by}`, appointmentId: 'a-2', by }, () =>
        payments.findOne({ appointmentId: 'a-2' }).lean<Payment>().exec(),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await payments.find({ appointmentId: 'a-2' }).lean();
    expect(stored).toHaveLength(1);
    for (const r of results) expect(r.doc).toEqual(stored[0]);
  });
});
