import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { MONGO_URI } from '@telehealth/testing';

/** A database of its own for one suite, on the run's real MongoDB-wire engine. */
export async function testDb(name: string): Promise<{ conn: Connection; drop: () => Promise<void> }> {
  const conn = await mongoose
    .createConnection(MONGO_URI, { dbName: `it_${name}_${randomUUID().slice(0, 8)}` })
    .asPromise();
  return {
    conn,
    drop: async () => {
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

/** Runs `n` calls of `fn` at once and returns their results in order. */
export const concurrently = <T>(n: number, fn: (i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
