#!/usr/bin/env node
// Runs every Jest project serially (the crash test restarts a service the other suites use).
// Extra arguments go to Jest; JEST_JSON_OUTPUT=<file> also writes machine-readable results.
// The database: MONGO_URI when set (a MongoDB 7 of yours); otherwise an in-memory mongo-java-server
// of this run's own, started here and stopped with the run, so no run sees another's data.
// The object store: the shared S3 server of `infra:up --tests`, with a bucket of this run's own
// (S3_BUCKET, unless given), deleted with everything in it when the run ends.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startMongoWire, stopMongoWire } from '../infra/mongo-wire/mongo-wire.mjs';
import { S3_DEV } from '../infra/s3/seaweedfs.mjs';

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
const runBucket = process.env.S3_BUCKET ? null : `telehealth-test-${Date.now().toString(36)}-${process.pid}`;
const env = { ...process.env, ...(db ? { MONGO_URI: db.uri } : {}), ...(runBucket ? { S3_BUCKET: runBucket } : {}) };
const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit', env });
// Ctrl-C reaches jest through the terminal; the database (detached) is stopped when jest exits.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => jest.kill(signal));
jest.on('exit', async (code, signal) => {
  stopMongoWire(db);
  if (runBucket) await dropBucket(runBucket);
  process.exit(code ?? (signal ? 1 : 0));
});

/** Deletes the run's bucket and its objects (the test server allows deleting a bucket that is not empty). */
async function dropBucket(bucket) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // the runner's own client only
  const { S3Client, DeleteBucketCommand } = require('@aws-sdk/client-s3');
  const s3 = new S3Client({
    endpoint: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:8333',
    region: S3_DEV.region,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_DEV.accessKeyId, secretAccessKey: S3_DEV.secretAccessKey },
  });
  await s3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
  s3.destroy();
}
