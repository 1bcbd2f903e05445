// Files on the object store, run by tools/bench/run.mjs (part `files`) while the platform is up:
//   direct    COUNT PUTs of the same 1 MB PDF straight to the S3 server (signed, the bench's bucket),
//             CLIENTS at a time: what the object store itself allows;
//   platform  COUNT files through the platform, CLIENTS at a time, each: POST /v1/files (a presigned
//             URL), a PUT of the bytes to it, POST /v1/files/{id}/confirm (the service reads the
//             object back, sniffs its type, hashes it and moves it under its content key);
// both measured in this same run: files/s (first request to last answer) and p50/p99 per file.
// Every confirm must answer READY with the bytes' SHA-256; anything else fails the run.
// The platform's bucket (BENCH_S3.S3_BUCKET) is the run's own and is deleted by cleanup().
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { newPatient } from './booking-contention.mjs';
import { call, say } from './lib.mjs';
import { BENCH_S3, ROOT } from './settings.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // the bench's own client only
const { S3Client, PutObjectCommand } = createRequire(path.join(ROOT, 'package.json'))('@aws-sdk/client-s3');

const COUNT = Number(process.env.BENCH_FILES_COUNT ?? 60);
const CLIENTS = 4;
const SIZE = 1024 * 1024;

const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);

/** Runs `one(i)` COUNT times, CLIENTS at once: files/s over the whole, and each file's latency. */
async function timed(one) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < COUNT) {
        const i = next++;
        const t = performance.now();
        await one(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    files: COUNT,
    perSec: round1(COUNT / seconds),
    p50Ms: round1(percentile(latencies, 0.5)),
    p99Ms: round1(percentile(latencies, 0.99)),
  };
}

/** @param {{ gatewayUrl: string, run: string }} options */
export async function filesBench({ gatewayUrl, run }) {
  const problems = [];
  // A PDF as the service sniffs it: its header, then filler up to 1 MB.
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
  const bytes = Buffer.concat([head, Buffer.alloc(SIZE - head.length, 0x20)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const token = await newPatient(gatewayUrl, 999_001, run);

  const s3 = new S3Client({
    endpoint: BENCH_S3.S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: BENCH_S3.S3_ACCESS_KEY_ID, secretAccessKey: BENCH_S3.S3_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  say(`files: ${COUNT} direct PUTs of 1 MB to the object store, ${CLIENTS} at a time...`);
  const direct = await timed((i) =>
    s3.send(
      new PutObjectCommand({
        Bucket: BENCH_S3.S3_BUCKET,
        Key: `bench-direct/${i}`,
        Body: bytes,
        ContentType: 'application/pdf',
      }),
    ),
  );
  s3.destroy();

  say(`files: ${COUNT} uploads through the platform (request, presigned PUT, confirm), ${CLIENTS} at a time...`);
  const platform = await timed(async (i) => {
    const asked = await call(
      gatewayUrl,
      'POST',
      '/v1/files',
      { name: `bench-${i}.pdf`, contentType: 'application/pdf', size: SIZE, purpose: 'MEDICAL_DOCUMENT' },
      token,
    );
    if (asked.status !== 201) throw new Error(`POST /v1/files: HTTP ${asked.status} ${JSON.stringify(asked.body)}`);
    const put = await fetch(asked.body.upload.url, { method: 'PUT', headers: asked.body.upload.headers, body: bytes });
    if (put.status !== 200) throw new Error(`PUT to the presigned URL: HTTP ${put.status} ${await put.text()}`);
    const confirmed = await call(gatewayUrl, 'POST', `/v1/files/${asked.body.file.id}/confirm`, {}, token);
    if (confirmed.status !== 200 || confirmed.body.status !== 'READY' || confirmed.body.sha256 !== sha256)
      problems.push(`file ${i}: confirm answered ${confirmed.status} ${JSON.stringify(confirmed.body).slice(0, 200)}`);
  });
  const ofDirect = direct.perSec && platform.perSec ? round1((100 * platform.perSec) / direct.perSec) : null;
  say(
    `  direct PUT: ${direct.perSec} files/s (p50 ${direct.p50Ms} ms, p99 ${direct.p99Ms} ms); ` +
      `request + PUT + confirm: ${platform.perSec} files/s (p50 ${platform.p50Ms} ms, p99 ${platform.p99Ms} ms), ${ofDirect}% of direct`,
  );
  return { sizeBytes: SIZE, clients: CLIENTS, direct, platform, ofDirectPct: ofDirect, problems };
}
