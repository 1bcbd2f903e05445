import { Injectable } from '@nestjs/common';
import { PaymentRecordStatus } from '@telehealth/contracts';
import { PaymentMovements } from '../../payment-movements';
import { PaymentStore } from '../../payment.store';
import { SettlementStore } from '../../settlement.store';
import { IdGenerator } from '@telehealth/service-kit';

export type CheckoutOutcome =
  /** The card payment's money arrived in the wallet (its top-up was credited by the webhook). */
  | { appointmentId: string; paid: true; correlationId: string }
  /** The provider reported the card payment failed. */
  | { appointmentId: string; paid: false; reason: string };

/**
 * A card checkout for an appointment ended (its verified webhook). Paid: the fee is held now, as
 * for a wallet payment, unless the booking ended meanwhile. Failed: the payment fails and
 * scheduling releases the seat.
 */
@Injectable()
export class RecordCheckoutOutcome {
  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly movements: PaymentMovements,
    private readonly ids: IdGenerator,
  ) {}

  async execute(o: CheckoutOutcome): Promise<void> {
    const p = await this.payments.byAppointment(o.appointmentId);
    if (!p) return;
    if (o.paid) {
      if (await this.settlements.find(o.appointmentId)) return;
      return this.movements.hold(p, o.correlationId);
    }
    if (p.status === PaymentRecordStatus.PENDING)
      await this.movements.failWithoutEntry(p, 'DECLINED', o.reason, this.ids.uuid());
  }
}
