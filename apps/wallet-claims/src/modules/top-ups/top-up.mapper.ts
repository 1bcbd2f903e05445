import type { TopUpView } from '@telehealth/contracts';
import type { TopUpDoc } from './top-up.schema';

export function toTopUpView(t: TopUpDoc): TopUpView {
  return {
    id: t._id,
    walletId: t.walletId,
    userId: t.userId,
    provider: t.provider,
    amount: { amountMinor: t.amountMinor, currency: t.currency },
    status: t.status,
    reference: t.reference,
    checkoutUrl: t.checkoutUrl,
    providerReference: t.providerReference,
    failureReason: t.failureReason,
    entryId: t.entryId,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
  };
}
