import { Schema, type Model } from 'mongoose';
import { VersionedLog, logEntryIdOf, type LogEntry, type Versioned } from '../versioned-log';
import { concurrently, testDb } from './test-db';

interface Counter extends Versioned {
  count: number;
  lastBy: number | null;
}
interface Increment extends LogEntry {
  by: number;
}

describe('VersionedLog (real database, racing)', () => {
  let db: Awaited<ReturnType<typeof testDb>>;
  let counters: Model<Counter>;
  let log: Model<Increment>;
  let store: VersionedLog<Increment, Counter>;

  beforeAll(async () => {
    db = await testDb('versioned_log');
    counters = db.conn.model<Counter>(
      'Counter',
      new Schema<Counter>({ _id: String, version: Number, count: Number, lastBy: Number }, { versionKey: false }),
    );
    log = db.conn.model<Increment>(
      'Increment',
      new Schema<Increment>({ _id: String, aggregateId: String, version: Number, by: Number }, { versionKey: false }),
    );
    // $inc: applying an entry twice, or skipping one, would show in `count`.
    store = new VersionedLog(log, counters, { toUpdate: (e) => ({ $inc: { count: 1 }, $set: { lastBy: e.by } }) });
  });
  afterAll(() => db.drop());

  it('of 50 changes from one version exactly one is appended; 30 retrying writers each land once, in order', async () => {
    await counters.create({ _id: 'c1', version: 0, count: 0, lastBy: null });
    const start = (await store.load('c1'))!;
    const results = await concurrently(50, (by) => store.append(start, { by }));
    expect(results.filter((r) => r !== null)).toHaveLength(1);

    // Each writer reloads and appends until its change lands (what a use case does on null).
    await concurrently(30, async (i) => {
      for (;;) {
        const current = (await store.load('c1'))!;
        if (await store.append(current, { by: 100 + i })) return;
      }
    });
    const final = (await store.load('c1'))!;
    expect(final).toMatchObject({ version: 31, count: 31 });
    const history = await store.history('c1');
    expect(history.map((e) => e.version)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(new Set(history.slice(1).map((e) => e.by))).toEqual(new Set(Array.from({ length: 30 }, (_, i) => 100 + i)));
    expect(final.lastBy).toBe(history[30].by);
  });

  it('catchUp: entries logged but never projected (a crash) are applied once, by however many readers', async () => {
    await counters.create({ _id: 'c2', version: 0, count: 0, lastBy: null });
    // The writers "crashed" after their log inserts: three entries the projection has not seen.
    await log.insertMany(
      [1, 2, 3].map((version) => ({ _id: logEntryIdOf('c2', version), aggregateId: 'c2', version, by: version })),
    );
    const loaded = await concurrently(20, () => store.load('c2'));
    for (const doc of loaded) expect(doc).toMatchObject({ version: 3, count: 3, lastBy: 3 });
    expect(await counters.findById('c2').lean()).toMatchObject({ version: 3, count: 3, lastBy: 3 });
    // A writer holding the stale projection cannot append version 1 again.
    expect(await store.append({ _id: 'c2', version: 0, count: 0, lastBy: null }, { by: 9 })).toBeNull();
  });
});
