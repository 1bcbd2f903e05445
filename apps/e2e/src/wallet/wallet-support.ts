import { randomUUID } from 'node:crypto';
import type { LedgerEntryView, WalletView } from '@telehealth/contracts';
import { waitUntil } from '@telehealth/testing';
import { adminSession, type Session } from '../support/actors';

export const wallet = async (s: Session): Promise<WalletView> => {
  const res = await s.api.get('/v1/wallet', { token: s.token });
  if (res.status !== 200) throw new Error(`wallet: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Every ledger entry of the caller's wallet, oldest first. */
export async function entries(s: Session): Promise<LedgerEntryView[]> {
  const all: LedgerEntryView[] = [];
  for (let page = 1; ; page++) {
    const res = await s.api.get(`/v1/wallet/transactions?limit=100&page=${page}`, { token: s.token });
    all.push(...res.body.items);
    if (!res.body.hasMore) return all.reverse();
  }
}

export const topUp = (s: Session, body: Record<string, unknown>, key: string = randomUUID()) =>
  s.api.post('/v1/wallet/top-ups', body, { token: s.token, headers: { 'idempotency-key': key } });

/** Tops the wallet up through the sandbox provider (checkout, signed webhook, credit) and waits for it. */
export async function fund(s: Session, amountMinor: number): Promise<WalletView> {
  const before = (await wallet(s)).balance.amountMinor;
  const res = await topUp(s, { amountMinor, sandboxDelayMs: 0 });
  if (res.status !== 201) throw new Error(`top-up: ${res.status} ${JSON.stringify(res.body)}`);
  let w: WalletView | undefined;
  await waitUntil(async () => (w = await wallet(s)).balance.amountMinor === before + amountMinor, 'the top-up credit');
  return w!;
}

/** The payment record of an appointment, once wallet-claims has made it. */
export async function paymentOf(s: Session, appointmentId: string) {
  let payment: Record<string, unknown> & { status: string; checkoutUrl: string | null } = null!;
  await waitUntil(async () => {
    const res = await s.api.get(`/v1/payments?appointmentId=${appointmentId}`, { token: s.token });
    payment = res.body.items?.[0];
    return !!payment;
  }, 'the payment record');
  return payment;
}

/** Pays a CARD booking: the payer completes its sandbox checkout; the signed webhook does the rest. */
export async function payByCard(s: Session, appointmentId: string, outcome: 'SUCCEED' | 'FAIL' = 'SUCCEED') {
  let checkoutUrl: string | null = null;
  await waitUntil(async () => !!(checkoutUrl = (await paymentOf(s, appointmentId)).checkoutUrl), 'the card checkout');
  const reference = checkoutUrl!.split('/').pop()!;
  const res = await s.api.post(`/v1/sandbox/checkout/${reference}`, { outcome }, { token: s.token });
  if (res.status !== 200) throw new Error(`sandbox checkout: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Replays every wallet's ledger; the platform's invariant after every test. */
export async function mismatches(walletId?: string): Promise<unknown[]> {
  const admin = await adminSession();
  const path = walletId ? `/v1/admin/wallets/${walletId}/reconciliation` : '/v1/admin/finance/reconciliation';
  const res = await admin.api.post(path, {}, { token: admin.token });
  if (res.status !== 200) throw new Error(`reconciliation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.mismatches;
}
