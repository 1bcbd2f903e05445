// Test support: the reference Paystack knows a top-up by. Paystack allows only alphanumerics,
// `-`, `.` and `=` in a reference, so the provider writes every other byte of ours as `=XX`.
// Self-contained copy of PaystackProvider's `toPaystackReference` (a unit test keeps them equal).

/** Our reference (`TOPUP_<user>_<time>`) as sent to Paystack and echoed in its webhooks. */
export function paystackReferenceOf(reference: string): string {
  return [...Buffer.from(reference, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9.-]/.test(c) ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
