// Notifications throughput, run by tools/bench/run.mjs while the platform is up:
//   1. events -> delivered emails: EVENTS password-reset events (each names its own address, so no
//      identity lookup) published to JetStream as identity would; the platform's notifications
//      service consumes them, renders, queues and sends each over SMTP to the bench's own SMTP sink.
//      Figures: emails/s (first publish to last receipt) and p50/p99 from publish to SMTP receipt.
//   2. BullMQ jobs/s per worker, in this process on the same Redis: JOBS no-op jobs (the baseline:
//      BullMQ's own cost) against JOBS real email jobs run by the service's processDelivery (delivery
//      log on the database, nodemailer to the sink), one worker each, same concurrency.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { connect, headers as natsHeaders } from 'nats';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { say, sleep } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const EVENTS = Number(process.env.BENCH_NOTIFY_EVENTS ?? 500);
const JOBS = Number(process.env.BENCH_NOTIFY_JOBS ?? 2000);
const CONCURRENCY = 8;
const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);

/** An SMTP server that calls onMail(recipients) per message; started before the platform. */
export async function startBenchSmtp() {
  const listeners = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const at = performance.now();
        for (const l of listeners)
          l(
            session.envelope.rcptTo.map((r) => r.address),
            at,
          );
        done();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.server.address()).port,
    onMail: (fn) => (listeners.add(fn), () => listeners.delete(fn)),
    close: () => new Promise((r) => server.close(() => r(undefined))),
  };
}

async function eventsToEmails({ natsUrl, smtp }) {
  const run = Date.now().toString(36);
  const sent = new Map();
  const received = new Map();
  const stop = smtp.onMail((to, at) => {
    for (const address of to) if (sent.has(address) && !received.has(address)) received.set(address, at);
  });
  const nc = await connect({ servers: natsUrl, name: `bench-notify-${process.pid}` });
  const js = nc.jetstream();
  const type = 'identity.user.password-reset-requested.v1';
  say(`notifications: publishing ${EVENTS} ${type} events, each to its own address...`);
  const t0 = performance.now();
  for (let i = 0; i < EVENTS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, EVENTS - i) }, async (_, k) => {
        const email = `bench.${run}.${i + k}@example.test`;
        const id = randomUUID();
        const userId = randomUUID();
        const envelope = {
          id,
          type,
          occurredAt: new Date().toISOString(),
          producer: 'identity',
          correlationId: randomUUID(),
          aggregateId: userId,
          payload: {
            userId,
            email,
            firstName: 'Bench',
            locale: 'en',
            token: randomUUID(),
            expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
          },
        };
        const h = natsHeaders();
        sent.set(email, performance.now());
        await js.publish(`evt.${type}`, JSON.stringify(envelope), { msgID: id, headers: h });
      }),
    );
  }
  const publishSec = (performance.now() - t0) / 1000;
  const deadline = Date.now() + 120_000;
  while (received.size < EVENTS && Date.now() < deadline) await sleep(100);
  stop();
  await nc.close();
  const latencies = [...received].map(([address, at]) => at - sent.get(address)).sort((a, b) => a - b);
  const last = Math.max(...received.values());
  const result = {
    events: EVENTS,
    delivered: received.size,
    publishSec: round1(publishSec),
    emailsPerSec: round1(received.size / ((last - t0) / 1000)),
    p50Ms: round1(percentile(latencies, 0.5)),
    p99Ms: round1(percentile(latencies, 0.99)),
    maxMs: round1(latencies.at(-1)),
  };
  say(
    `  ${result.delivered}/${EVENTS} emails received; ${result.emailsPerSec} emails/s; publish -> SMTP receipt ` +
      `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms (events published in ${result.publishSec}s)`,
  );
  return result;
}

/** Drains JOBS jobs through one worker running `processor`; jobs/s from the worker's start. */
async function drain(redisUrl, prefix, name, processor, data) {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix });
  await queue.addBulk(
    Array.from({ length: JOBS }, (_, i) => ({
      name: 'job',
      data: data(i),
      opts: { jobId: randomUUID(), removeOnComplete: true, removeOnFail: true, attempts: 1 },
    })),
  );
  let done = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = new Worker(name, processor, {
    connection: connection.duplicate({ maxRetriesPerRequest: null }),
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => done++);
  worker.on('failed', () => failed++);
  const deadline = Date.now() + 120_000;
  while (done + failed < JOBS && Date.now() < deadline) await sleep(20);
  const sec = (performance.now() - t0) / 1000;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await connection.quit();
  return { jobs: JOBS, done, failed, sec: round1(sec), jobsPerSec: round1(done / sec) };
}

async function workerThroughput({ redisUrl, mongoUri, dbName, smtp }) {
  const prefix = `bench-${Date.now().toString(36)}`;
  say(`notifications: BullMQ, one worker (concurrency ${CONCURRENCY}), ${JOBS} jobs each: no-op baseline...`);
  const noop = await drain(
    redisUrl,
    prefix,
    'bench-noop',
    async () => undefined,
    () => ({}),
  );
  say(`  no-op: ${noop.jobsPerSec} jobs/s`);

  // The service's own job processor, from dist/, with its real dependencies.
  const dist = (p) => require(path.join(ROOT, 'dist/apps/notifications/src', p));
  const { processDelivery } = dist('modules/delivery/process-delivery.js');
  const { DeliveryLog } = dist('modules/delivery/delivery-log.js');
  const { DeliveriesRepository } = dist('modules/delivery/deliveries.repository.js');
  const { DeliverySchema } = dist('modules/delivery/delivery.schema.js');
  const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  const log = new DeliveryLog(new DeliveriesRepository(conn.model('Delivery', DeliverySchema)));
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, pool: true, maxConnections: 5 });
  const ids = Array.from({ length: JOBS }, () => randomUUID());
  for (let i = 0; i < JOBS; i += 100) {
    await Promise.all(
      ids.slice(i, i + 100).map((id) =>
        log.create({
          id,
          key: id,
          userId: id,
          channel: 'EMAIL',
          kind: 'PASSWORD_RESET',
          category: 'SECURITY',
          to: 'bench@example.test',
          status: 'QUEUED',
          reason: null,
          sourceEventId: id,
          sourceEventType: 'bench',
          scheduledFor: null,
        }),
      ),
    );
  }
  const deps = {
    send: async (job) => ({
      messageId: (
        await transport.sendMail({
          from: 'bench@telehealth.local',
          to: job.to,
          subject: job.subject,
          text: job.text,
          html: job.html,
        })
      ).messageId,
    }),
    log,
    isSuppressed: async () => false,
    deadLetter: async () => undefined,
  };
  say(`notifications: ... and ${JOBS} email jobs through processDelivery (delivery log + SMTP)...`);
  const email = await drain(
    redisUrl,
    prefix,
    'bench-email',
    (job) => processDelivery(job, deps),
    (i) => ({
      deliveryId: ids[i],
      userId: ids[i],
      kind: 'PASSWORD_RESET',
      channel: 'EMAIL',
      to: 'bench@example.test',
      subject: 'Reset your Telehealth password',
      text: 'Hello Bench,\n\nOpen this link to choose a new one.',
      html: '<p>Hello Bench,</p>',
    }),
  );
  transport.close();
  await conn.close();
  const ratio = noop.jobsPerSec && email.jobsPerSec != null ? email.jobsPerSec / noop.jobsPerSec : null;
  say(
    `  email: ${email.jobsPerSec} jobs/s (${ratio == null ? '-' : `${(ratio * 100).toFixed(1)}%`} of the no-op baseline)`,
  );
  return { concurrency: CONCURRENCY, noop, email, ratio: ratio == null ? null : Math.round(ratio * 1000) / 1000 };
}

/** Both measurements; returns the figures and a list of problems (empty when all is well). */
export async function notificationsBench({ natsUrl, redisUrl, mongoUri, dbName, smtp }) {
  const problems = [];
  const events = await eventsToEmails({ natsUrl, smtp });
  if (events.delivered < events.events)
    problems.push(`notifications: only ${events.delivered} of ${events.events} emails arrived within 120 s`);
  const workers = await workerThroughput({ redisUrl, mongoUri, dbName, smtp });
  for (const [what, r] of /** @type {const} */ ([
    ['no-op', workers.noop],
    ['email', workers.email],
  ]))
    if (r.done + r.failed < r.jobs)
      problems.push(`notifications: ${what} worker finished ${r.done} of ${r.jobs} jobs within 120 s`);
  if (workers.email.failed || workers.noop.failed)
    problems.push(`notifications: ${workers.email.failed + workers.noop.failed} bench job(s) failed`);
  return { events, workers, problems };
}
