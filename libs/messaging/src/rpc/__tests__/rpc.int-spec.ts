import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { MongooseModule } from '@nestjs/mongoose';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { ErrorCode, Role, defineRpc, type Caller, type ErrorReason } from '@telehealth/contracts';
import { MONGO_URI, NATS_URL, rawDb, sleep } from '@telehealth/testing';
import { DomainError, RpcCallError } from '../../errors/domain-error';
import { EventingModule } from '../../events/eventing.module';
import { MessagingModule } from '../../messaging.module';
import { RpcClient } from '../rpc-client';
import { RpcErrorFilter } from '../rpc-error.filter';
import { Rpc } from '../rpc-handler.decorator';
import { Meta, type RequestMeta } from '../request-meta';

// Test-only patterns: served by this file's app alone (its own queue group).
const run = randomUUID().slice(0, 8);
const DB = `it_${run}`;
const Echo = defineRpc<{ text: string }, { text: string; meta: RequestMeta }>('identity', `it-echo-${run}`, 1, 'test');
const Conflict = defineRpc<object, never>('identity', `it-echo-${run}-conflict`, 1, 'test');
const Crash = defineRpc<object, never>('identity', `it-echo-${run}-crash`, 1, 'test');
const Slow = defineRpc<object, string>('identity', `it-echo-${run}-slow`, 1, 'test');
const Unserved = defineRpc<object, never>('identity', `it-unserved-${randomUUID()}`, 1, 'test');
const SLOW_MS = 2_000;

@Controller()
class EchoController {
  static slowCalls: Promise<unknown>[] = [];

  @Rpc(Echo)
  echo(@Payload() q: { text: string }, @Meta() meta: RequestMeta) {
    return { text: q.text, meta };
  }

  @Rpc(Conflict)
  conflict(): never {
    throw DomainError.conflict('x', 'R' as ErrorReason);
  }

  @Rpc(Crash)
  crash(): never {
    throw new Error('secret connection string mongodb://admin:hunter2@db');
  }

  @Rpc(Slow)
  slow(): Promise<string> {
    const reply = sleep(SLOW_MS).then(() => 'late');
    EchoController.slowCalls.push(reply);
    return reply;
  }
}

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MessagingModule.forRoot({
      service: 'identity',
      natsUrl: NATS_URL,
      rpcTimeoutMs: 2_000,
      faultInjectionEnabled: false,
    }),
    EventingModule.forRoot({
      service: 'identity',
      outboxPollMs: 100,
      maxDeliver: 3,
      retryBaseMs: 50,
      concurrency: 8,
      consumerGroup: `it-${run}`,
    }),
  ],
  controllers: [EchoController],
  providers: [{ provide: APP_FILTER, useClass: RpcErrorFilter }],
})
class RpcTestModule {}

/** The RpcCallError a call fails with (fails the test if the call succeeds or fails otherwise). */
async function failure(call: Promise<unknown>): Promise<RpcCallError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RpcCallError);
  return err as RpcCallError;
}

describe('RpcClient against a NATS microservice (real NATS)', () => {
  let app: INestApplication;
  let rpc: RpcClient;
  const meta = (): RequestMeta => ({ requestId: randomUUID() });

  beforeAll(async () => {
    app = await NestFactory.create(RpcTestModule, new FastifyAdapter(), { logger: false });
    app.connectMicroservice<MicroserviceOptions>(
      { transport: Transport.NATS, options: { servers: [NATS_URL], queue: `it-${run}` } },
      { inheritAppConfig: true },
    );
    await app.init();
    await app.startAllMicroservices();
    // The server's subscriptions reach NATS asynchronously: a flush makes sure they are in place.
    await app.getMicroservices()[0].unwrap<NatsConnection>().flush();
    rpc = app.get(RpcClient);
  });

  afterAll(async () => {
    await Promise.all(EchoController.slowCalls);
    await app?.close();
    const db = await rawDb(DB);
    await db.db.dropDatabase();
    await db.close();
  });

  it('carries the payload, the request id and the caller to the handler', async () => {
    const caller: Caller = {
      userId: randomUUID(),
      roles: [Role.DOCTOR],
      organisationIds: ['org-1'],
      doctorProfileId: 'd-1',
    };
    const requestId = randomUUID();
    const reply = await rpc.call(Echo, { text: 'héllo' }, { requestId, caller });
    expect(reply).toEqual({ text: 'héllo', meta: { requestId, caller } });
  });

  it('hands a domain error to the caller with its code and reason', async () => {
    const err = await failure(rpc.call(Conflict, {}, meta()));
    expect(err.wire).toEqual({ code: ErrorCode.CONFLICT, message: 'x', reason: 'R' });
  });

  it('turns any other error into INTERNAL without leaking its message', async () => {
    const err = await failure(rpc.call(Crash, {}, meta()));
    expect(err.wire).toEqual({ code: ErrorCode.INTERNAL, message: 'Internal error' });
    expect(JSON.stringify(err.wire)).not.toMatch(/secret|hunter2/);
  });

  it('fails fast with UNAVAILABLE when nobody serves the pattern', async () => {
    const started = Date.now();
    const err = await failure(rpc.call(Unserved, {}, meta(), 5_000));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(err.wire).toMatchObject({ code: ErrorCode.UNAVAILABLE, reason: 'UPSTREAM_UNAVAILABLE' });
  });

  it('gives UNAVAILABLE / UPSTREAM_TIMEOUT when the handler outlasts the timeout', async () => {
    const started = Date.now();
    const err = await failure(rpc.call(Slow, {}, meta(), 300));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(SLOW_MS);
    expect(err.wire).toMatchObject({ code: ErrorCode.UNAVAILABLE, reason: 'UPSTREAM_TIMEOUT', retryAfterSeconds: 1 });
  });
});
