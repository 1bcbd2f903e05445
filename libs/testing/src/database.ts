import mongoose from 'mongoose';
import { MONGO_URI } from './test-env';

/** A raw driver connection, for asserting what a service really stored. */
export async function rawDb(dbName: string): Promise<{ db: mongoose.mongo.Db; close: () => Promise<void> }> {
  const client = await mongoose.mongo.MongoClient.connect(MONGO_URI);
  return { db: client.db(dbName), close: () => client.close() };
}

export async function dropDatabases(prefix: string): Promise<string[]> {
  const client = await mongoose.mongo.MongoClient.connect(MONGO_URI);
  try {
    const { databases } = await client.db().admin().listDatabases();
    const mine = databases.map((d) => d.name).filter((n) => n.startsWith(`${prefix}_`));
    for (const name of mine) await client.db(name).dropDatabase();
    return mine;
  } finally {
    await client.close();
  }
}
