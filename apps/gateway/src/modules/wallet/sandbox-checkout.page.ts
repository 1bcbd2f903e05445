import type { SandboxCheckoutView, TopUpView } from '@telehealth/contracts';

/** Text as HTML: every value on these pages goes through it. */
const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** "NGN 15,000.00": minor units shown as the currency's major unit. */
export function formatAmount(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' }).format(
    amountMinor / 100,
  );
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;max-width:26rem;width:100%}
.badge{display:inline-block;background:#fff4ce;color:#6b4e00;border-radius:6px;padding:.2rem .6rem;font-size:.8rem}
.amount{font-size:2rem;font-weight:600;margin:.5rem 0 1.5rem}
button{font-size:1rem;padding:.7rem 1.2rem;border-radius:8px;border:0;cursor:pointer;margin-right:.5rem}
.pay{background:#1a7f37;color:#fff}.decline{background:#eee}
</style>
</head>
<body><main>
<span class="badge">Sandbox: no real money moves</span>
${body}
</main></body>
</html>
`;

/** The payer's page: the amount, who is paid, and pay or decline (a form back to this URL). */
export function checkoutPage(c: SandboxCheckoutView, action: string): string {
  const amount = formatAmount(c.amount.amountMinor, c.amount.currency);
  const open = c.status === 'PENDING';
  return page(
    `Pay ${amount}`,
    `<h1>Telehealth Platform</h1>
<p>${escape(c.description)} · reference <code>${escape(c.reference)}</code></p>
<p class="amount" id="amount">${escape(amount)}</p>
${
  open
    ? `<form method="post" action="${escape(action)}">
<button class="pay" type="submit" name="outcome" value="SUCCEED">Pay ${escape(amount)}</button>
<button class="decline" type="submit" name="outcome" value="FAIL">Decline</button>
</form>`
    : `<p id="result">This payment is already ${escape(c.status)}.</p>`
}`,
  );
}

/** After the payer decided: what happens next. */
export function resultPage(t: TopUpView, outcome: 'SUCCEED' | 'FAIL'): string {
  const amount = formatAmount(t.amount.amountMinor, t.amount.currency);
  const text =
    outcome === 'SUCCEED'
      ? `Payment of ${amount} accepted. You can close this page and return to the app.`
      : `Payment of ${amount} declined. Nothing was charged.`;
  return page('Sandbox checkout', `<h1>Telehealth Platform</h1><p id="result">${escape(text)}</p>`);
}
