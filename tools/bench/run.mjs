#!/usr/bin/env node
// Throughput benchmark of the platform against this machine's ceiling, in one run:
//   0. the slot-expansion micro-benchmark (tools/bench/micro/slot-expansion.mjs, child process);
//   1. a bare Fastify server (child process) answering a constant: the ceiling;
//   2. the whole platform (tools/run/platform.mjs, port base 3500, fresh bench databases, demo data);
//   3. each scenario of tools/bench/scenarios/ under autocannon (64 connections, 2 s warm-up, then
//      BENCH_DURATION seconds, default 10): requests/s, p50/p99, share of the ceiling, aims (among
//      them GET /v1/me and, right after it, a patient's join token for an online consultation);
//   4. idle resident memory of every app after the load;
//   5. the wallet and video webhooks (steps 6 and 7 below, run before the race so their figures are
//      not loaded by the race's emails); booking under contention (tools/bench/booking-contention.mjs):
//      500 clients race for 50 seats, then the scheduling database is checked for double bookings
//      (any makes the run fail);
//   6. the wallet (tools/bench/wallet-ledger.mjs): ledger postings/s on one hot wallet and over
//      1,000 wallets with a read-only baseline, the booking-and-payment saga, then reconciliation;
//   7. video webhooks (tools/bench/video-webhooks.mjs): signed LiveKit participant_joined/left
//      webhooks posted concurrently through the gateway (webhooks/s, p99) against LiveKit's bare
//      signature check in a loop in this process; then each must have been applied exactly once
//      (session versions, replays answered applied:false; anything else makes the run fail);
//   8. notifications (tools/bench/notifications.mjs): events -> emails received by the bench's SMTP
//      sink (emails/s, p99 publish -> receipt), and BullMQ jobs/s of one worker: no-op jobs (the
//      baseline) against the service's real email jobs;
//   9. the stream (tools/bench/stream.mjs): 2,000 SSE streams (GET /v1/stream) on the one gateway,
//      100 wallet events/s fanned out to their owners' streams: delivery p50/p99 publish -> client
//      (against a plain NATS subscription), exactly-once delivery per owner's stream (any missing or
//      extra fails the run), and the gateway's memory per stream over the idle gateway;
//  9b. secure messages (tools/bench/messages.mjs, run after the video part): messages posted and
//      listed through the gateway (req/s, p99) against GET /v1/me in the same run; every thread's
//      count and unread must equal its posts answered 201 (else the run fails);
//  10. files (tools/bench/files.mjs, after the video webhooks): a 1 MB upload through the platform
//      (request, presigned PUT, confirm: files/s, p50/p99) against a direct PUT of the same bytes to
//      the object store, in the same run, on a bucket of the run's own;
//  11. stops everything, drops the bench databases and bucket, writes .infra/bench-results/<ts>.json.
// Exits non-zero when a run had non-2xx responses or errors, or something failed to start;
// a missed aim is reported (MISS) but does not fail the run.
//
//   npm run bench                       (infra up + build + this)
//   BENCH_DURATION=30 node tools/bench/run.mjs
//   BENCH_ONLY=wallet,notifications npm run bench   (parts: micro, http, wallet, video, files, messages, booking, notifications, stream)
// The modules: settings.mjs (what a run measures, checked first), state.mjs (what it found),
// servers.mjs and process-control.mjs (starting and stopping), measure.mjs, parts.mjs and
// report.mjs; the parts' own scripts are booking-contention.mjs, wallet-ledger.mjs,
// video-webhooks.mjs, files.mjs, messages.mjs, notifications.mjs, stream.mjs, micro/ and scenarios/.
import os from 'node:os';
import { say } from './lib.mjs';
import { makeContext, readMemory } from './measure.mjs';
import { startBenchSmtp } from './notifications.mjs';
import * as parts from './parts.mjs';
import { reportAndExit } from './report.mjs';
import { cleanup, startCeiling, startInfra, startPlatform, stopOnSignals } from './servers.mjs';
import { CONNECTIONS, DURATION, WARMUP, logDir, part, rel } from './settings.mjs';
import { state } from './state.mjs';

stopOnSignals();
say(
  `${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per scenario`,
);
say('note: autocannon runs on the same machine and competes with the servers for CPU');
const [load1] = os.loadavg();
if (load1 >= 0.5) say(`warning: the machine is already busy (load average ${load1.toFixed(2)}): figures will be noisy`);
if (part('micro')) parts.micro();
try {
  const infra = await startInfra();
  const ceilingUrl = await startCeiling();
  state.smtp = await startBenchSmtp();
  const gatewayUrl = await startPlatform(state.smtp);
  const ctx = makeContext(ceilingUrl, gatewayUrl);
  state.memoryAtStart = readMemory(false); // for comparison: the footprint before any load
  await parts.http(ctx, part('http'));
  // After the memory reading, so its 500 registrations do not change the idle figures above.
  // Before the booking race: its 500 registrations leave the notifications service minutes of
  // welcome and verification emails to send, which would load the database under the wallet and
  // video figures.
  if (part('wallet')) await parts.wallet(gatewayUrl);
  if (part('video')) await parts.video(gatewayUrl);
  if (part('files')) await parts.files(gatewayUrl);
  if (part('messages')) await parts.messages(gatewayUrl);
  if (part('booking')) await parts.booking(gatewayUrl, infra.mongoUri);
  if (part('notifications')) await parts.notifications(infra.mongoUri);
  if (part('stream')) await parts.stream(gatewayUrl);
} catch (err) {
  const message = /** @type {Error} */ (err).message;
  state.failures.push(message);
  say(`ERROR: ${message}`);
}
if (state.restarts.length)
  state.failures.push(
    `app(s) exited during the run and were restarted: ${state.restarts.join('; ')} (logs in ${rel(logDir)})`,
  );

say('stopping everything...');
await cleanup();
reportAndExit();
