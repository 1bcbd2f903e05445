import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { PaymentEvents, PaymentMethod, PaymentRecordStatus as S } from '@telehealth/contracts';
import { createEvent, type OutboxRelay } from '@telehealth/messaging/eventing';
import { MONGO_URI } from '@telehealth/testing';
import { PaymentEvent } from './payment-lifecycle';
import { PAYMENT_MODEL, PaymentSchema, type PaymentDoc } from './payment.schema';
import { PaymentStore, type NewPayment } from './payment.store';
import { SystemClock } from '@telehealth/service-kit';

const DB = `it_payments_${randomUUID().slice(0, 8)}`;

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([{ name: PAYMENT_MODEL, schema: PaymentSchema }]),
  ],
})
class PaymentsTestModule {}

const relay = { kick: () => undefined } as unknown as OutboxRelay;

const newPayment = (appointmentId = randomUUID()): NewPayment => ({
  _id: randomUUID(),
  appointmentId,
  patientId: 'patient-1',
  walletId: null,
  amountMinor: 500_000,
  currency: 'NGN',
  method: PaymentMethod.WALLET,
  status: S.PENDING,
  reference: null,
  providerReference: null,
  checkoutUrl: null,
  topUpId: null,
  refundedMinor: 0,
  failureReason: null,
  holdExpiresAt: null,
});

describe('PaymentStore (real database): the lifecycle applied by conditional updates', () => {
  let app: INestApplicationContext;
  let model: Model<PaymentDoc>;
  /** Three "instances" of the service, one database. */
  let stores: PaymentStore[];

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(PaymentsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    model = app.get(getModelToken(PAYMENT_MODEL));
    stores = [0, 1, 2].map(() => new PaymentStore(model, relay, new SystemClock()));
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const failedEvent = (p: PaymentDoc) =>
    createEvent(
      PaymentEvents.appointmentPaymentFailed,
      p._id,
      {
        paymentId: p._id,
        appointmentId: p.appointmentId,
        patientId: p.patientId,
        amount: { amountMinor: p.amountMinor, currency: p.currency },
        reason: 'DECLINED',
        message: 'declined',
      },
      { producer: 'wallet-claims', correlationId: 'c' },
    );

  it('one record per appointment, whoever inserts first', async () => {
    const appointmentId = randomUUID();
    const docs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => stores[i % 3].insertOrGet(newPayment(appointmentId))),
    );
    expect(new Set(docs.map((d) => d._id)).size).toBe(1);
    expect(await model.countDocuments({ appointmentId })).toBe(1);
  });

  it('moves forward only: completed, then refunded; a late void or completion changes nothing', async () => {
    const [store] = stores;
    const p = await store.insertOrGet(newPayment());
    expect(await store.apply(p._id, PaymentEvent.COMPLETE)).toBe(true);
    expect(await store.apply(p._id, PaymentEvent.VOID)).toBe(false);
    expect(await store.apply(p._id, PaymentEvent.FAIL, { failureReason: 'late' }, [failedEvent(p)])).toBe(false);
    expect(await store.apply(p._id, PaymentEvent.REFUND, { refundedMinor: 250_000 })).toBe(true);
    expect(await store.apply(p._id, PaymentEvent.COMPLETE)).toBe(false);
    const stored = await model.findById(p._id).lean<PaymentDoc>();
    expect(stored).toMatchObject({ status: S.REFUNDED, refundedMinor: 250_000, failureReason: null });
    expect(stored?.outbox ?? []).toEqual([]);
  });

  it('an event is written with its change, in the same document', async () => {
    const [store] = stores;
    const p = await store.insertOrGet(newPayment());
    expect(await store.apply(p._id, PaymentEvent.FAIL, { failureReason: 'declined' }, [failedEvent(p)])).toBe(true);
    const stored = await model.findById(p._id).lean<PaymentDoc>();
    expect(stored).toMatchObject({ status: S.FAILED, failureReason: 'declined' });
    expect(stored?.outbox).toHaveLength(1);
  });

  it('racing outcomes from three instances: one wins per record, its facts and events only', async () => {
    const payments = await Promise.all(Array.from({ length: 20 }, () => stores[0].insertOrGet(newPayment())));
    const results = await Promise.all(
      payments.flatMap((p, i) => [
        stores[i % 3].apply(p._id, PaymentEvent.COMPLETE).then((won) => ({ p, won, to: S.COMPLETED })),
        stores[(i + 1) % 3].apply(p._id, PaymentEvent.VOID).then((won) => ({ p, won, to: S.VOIDED })),
        stores[(i + 2) % 3]
          .apply(p._id, PaymentEvent.FAIL, { failureReason: 'declined' }, [failedEvent(p)])
          .then((won) => ({ p, won, to: S.FAILED })),
      ]),
    );
    for (const p of payments) {
      const winners = results.filter((r) => r.p._id === p._id && r.won);
      expect(winners).toHaveLength(1);
      const stored = await model.findById(p._id).lean<PaymentDoc>();
      expect(stored?.status).toBe(winners[0].to);
      expect(stored?.outbox ?? []).toHaveLength(winners[0].to === S.FAILED ? 1 : 0);
      expect(stored?.failureReason).toBe(winners[0].to === S.FAILED ? 'declined' : null);
    }
  });
});
