#!/usr/bin/env node
// Runs every Jest project serially (the crash test restarts a service the other suites use).
// Extra arguments go to Jest; JEST_JSON_OUTPUT=<file> also writes machine-readable results.
// The database: MONGO_URI when set (a MongoDB 7 of yours); otherwise an in-memory mongo-java-server
// of this run's own, started here and stopped with the run, so no run sees another's data.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startMongoWire, stopMongoWire } from '../infra/mongo-wire/mongo-wire.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const args = ['--runInBand', ...process.argv.slice(2)];
if (process.env.JEST_JSON_OUTPUT) {
  mkdirSync(path.dirname(process.env.JEST_JSON_OUTPUT), { recursive: true });
  args.push('--json', `--outputFile=${process.env.JEST_JSON_OUTPUT}`);
}

let db = null;
if (!process.env.MONGO_URI) {
  const logFile = path.join(ROOT, '.infra/test-logs', `mongo-${Date.now().toString(36)}.log`);
  db = await startMongoWire({ logFile, log: (m) => process.stdout.write(`[test] ${m}\n`) });
  process.stdout.write(`[test] this run's database: in-memory mongo-java-server at ${db.uri}\n`);
}
const env = db ? { ...process.env, MONGO_URI: db.uri } : process.env;
const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit', env });
// Ctrl-C reaches jest through the terminal; the database (detached) is stopped when jest exits.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => jest.kill(signal));
jest.on('exit', (code, signal) => {
  stopMongoWire(db);
  process.exit(code ?? (signal ? 1 : 0));
});
