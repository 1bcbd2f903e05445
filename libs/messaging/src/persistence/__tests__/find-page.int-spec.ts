import { randomUUID } from 'node:crypto';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { MONGO_URI } from '@telehealth/testing';
import { findPage } from '../find-page';

interface Item {
  _id: string;
  group: string;
  at: Date;
  secret: string;
}

const DB = `it_${randomUUID().slice(0, 8)}`;

describe('findPage', () => {
  let conn: Connection;
  let items: Model<Item>;
  const at = new Date('2026-01-01T00:00:00Z');
  // Seven documents that tie on `at`, inserted out of id order, and one of another group.
  const ids = ['e', 'b', 'g', 'a', 'f', 'c', 'd'];

  beforeAll(async () => {
    conn = await mongoose.createConnection(MONGO_URI, { dbName: DB }).asPromise();
    items = conn.model<Item>(
      'Item',
      new Schema<Item>({ _id: String, group: String, at: Date, secret: String }, { versionKey: false }),
    );
    await items.insertMany([
      ...ids.map((id) => ({ _id: id, group: 'x', at, secret: 's' })),
      { _id: 'z', group: 'y', at: new Date(at.getTime() + 1), secret: 's' },
    ]);
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('pages through ties in _id order, each document once, with the total of the filter', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const { items: got, total } = await findPage(items, { group: 'x' }, { at: -1, _id: 1 }, { page, limit: 3 });
      expect(total).toBe(7);
      seen.push(...got.map((d) => d._id));
    }
    expect(seen).toEqual([...ids].sort());
  });

  it('applies the projection and returns plain objects', async () => {
    const { items: got } = await findPage(items, {}, { at: -1, _id: 1 }, { page: 1, limit: 2 }, { secret: 0 });
    expect(got.map((d) => d._id)).toEqual(['z', 'a']);
    expect(got[0]).not.toHaveProperty('secret');
    expect(got[0]).not.toBeInstanceOf(mongoose.Document);
  });

  it('past the last page: no items, the total still counted', async () => {
    expect(await findPage(items, {}, { _id: 1 }, { page: 5, limit: 3 })).toEqual({ items: [], total: 8 });
  });
});
