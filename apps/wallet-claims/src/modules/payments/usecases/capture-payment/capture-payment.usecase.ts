import { Injectable, Logger } from '@nestjs/common';
import { PaymentMovements } from '../../payment-movements';
import { PaymentStore } from '../../payment.store';
import { SettlementStore } from '../../settlement.store';

/**
 * The appointment was confirmed: its held fee becomes a payment. The settlement decides once
 * whether the fee is captured or voided, so a confirmation arriving after the booking lapsed
 * captures nothing.
 */
@Injectable()
export class CapturePayment {
  private readonly logger = new Logger(CapturePayment.name);

  constructor(
    private readonly payments: PaymentStore,
    private readonly settlements: SettlementStore,
    private readonly movements: PaymentMovements,
  ) {}

  async execute(appointmentId: string, correlationId: string): Promise<void> {
    const p = await this.payments.byAppointment(appointmentId);
    if (!p) return; // free, or paid outside the wallet
    const hold = await this.movements.heldFee(p);
    if (!hold) return;
    const decided = await this.settlements.decide(appointmentId, 'CAPTURE', 'appointment.confirmed');
    if (decided.outcome !== 'CAPTURE') {
      this.logger.error(`appointment ${appointmentId} confirmed after its hold was voided (${decided.cause})`);
      return;
    }
    await this.movements.capture(p, hold, correlationId);
  }
}
