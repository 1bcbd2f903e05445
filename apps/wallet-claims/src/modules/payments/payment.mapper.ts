import type { PaymentView } from '@telehealth/contracts';
import type { PaymentDoc } from './payment.schema';

export function toPaymentView(p: PaymentDoc): PaymentView {
  const money = (amountMinor: number) => ({ amountMinor, currency: p.currency });
  return {
    id: p._id,
    appointmentId: p.appointmentId,
    patientId: p.patientId,
    amount: money(p.amountMinor),
    method: p.method,
    status: p.status,
    reference: p.reference,
    providerReference: p.providerReference,
    checkoutUrl: p.checkoutUrl,
    refunded: money(p.refundedMinor),
    failureReason: p.failureReason,
    holdExpiresAt: p.holdExpiresAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
