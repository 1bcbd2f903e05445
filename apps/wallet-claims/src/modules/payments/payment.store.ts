import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, PageQuery } from '@telehealth/contracts';
import { findPage, insertOrGet } from '@telehealth/persistence';
import { OutboxRelay, withEvents } from '@telehealth/messaging/eventing';
import { transitionsOn, type PaymentEvent } from './payment-lifecycle';
import { PAYMENT_MODEL, type PaymentDoc } from './payment.schema';
import { Clock } from '@telehealth/service-kit';

/** What a lifecycle event may record besides the status. */
export type PaymentFacts = Partial<
  Pick<
    PaymentDoc,
    'walletId' | 'reference' | 'providerReference' | 'checkoutUrl' | 'topUpId' | 'refundedMinor' | 'failureReason'
  >
>;

export type NewPayment = Omit<PaymentDoc, 'outbox' | 'createdAt' | 'updatedAt'>;

/**
 * Payment records: one per appointment (unique `appointmentId`), changed only through the
 * lifecycle table (`payment-lifecycle.ts`), each change one conditional single-document update on
 * the status it is allowed from, so concurrent handlers and replicas never move a record back.
 */
@Injectable()
export class PaymentStore {
  constructor(
    @InjectModel(PAYMENT_MODEL) private readonly payments: Model<PaymentDoc>,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** The appointment's payment, recorded now unless one already is (whoever inserts first wins). */
  async insertOrGet(p: NewPayment): Promise<PaymentDoc> {
    const now = this.clock.now();
    // Its id is random, so the one already there is found by appointment.
    const { doc } = await insertOrGet(this.payments, { ...p, createdAt: now, updatedAt: now }, () =>
      this.byAppointment(p.appointmentId),
    );
    return doc;
  }

  byAppointment(appointmentId: string): Promise<PaymentDoc | null> {
    return this.payments.findOne({ appointmentId }, { outbox: 0 }).lean<PaymentDoc>().exec();
  }

  byId(id: string): Promise<PaymentDoc | null> {
    return this.payments.findById(id, { outbox: 0 }).lean<PaymentDoc>().exec();
  }

  page(filter: FilterQuery<PaymentDoc>, q: PageQuery): Promise<{ items: PaymentDoc[]; total: number }> {
    return findPage(this.payments, filter, { createdAt: -1, _id: 1 }, q, { outbox: 0 });
  }

  /**
   * Applies `event` to the record if the lifecycle allows it from the record's status, with the
   * facts it records and the events it announces (in the same write). Each allowed `from` is tried
   * as a guard in turn; the database applies at most one. False when none matched.
   */
  async apply(
    id: string,
    event: PaymentEvent,
    facts: PaymentFacts = {},
    events: EventEnvelope[] = [],
  ): Promise<boolean> {
    for (const { from, to } of transitionsOn(event)) {
      const update = { $set: { ...facts, status: to, updatedAt: this.clock.now() } };
      const { matchedCount } = await this.payments.updateOne(
        { _id: id, status: from },
        withEvents<PaymentDoc>(update, events),
      );
      if (matchedCount === 0) continue;
      if (events.length) this.relay.kick();
      return true;
    }
    return false;
  }
}
