import { Injectable } from '@nestjs/common';
import { PaymentMovements } from '../../payment-movements';
import { PaymentStore } from '../../payment.store';
import { SettlementStore } from '../../settlement.store';

/**
 * The booking ended before confirmation (the hold lapsed, the doctor declined): the settlement
 * is VOID, unless it was decided otherwise first, and a held fee is given back.
 */
@Injectable()
export class ReleasePayment {
  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly movements: PaymentMovements,
  ) {}

  /** `cause`: the event that ended the booking, recorded on the settlement. */
  async execute(appointmentId: string, cause: string, correlationId: string): Promise<void> {
    const p = await this.payments.byAppointment(appointmentId);
    const decided = await this.settlements.decide(appointmentId, 'VOID', cause);
    if (decided.outcome !== 'VOID' || !p) return;
    await this.movements.release(p, correlationId);
  }
}
