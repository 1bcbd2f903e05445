#!/usr/bin/env node
// Replays every wallet's ledger (or one) and prints each mismatch; exits 1 when there is any.
// Talks to the wallet-claims service over NATS as an operator (the same request the admin
// endpoint POST /v1/admin/finance/reconciliation makes), so it needs no login and no gateway.
//
//   npm run wallet:reconcile [-- --wallet <walletId>] [--nats nats://127.0.0.1:4222]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect, headers } from 'nats';

const { values: args } = parseArgs({
  options: {
    wallet: { type: 'string' },
    nats: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
    timeout: { type: 'string', default: '600' },
  },
});
const PATTERN = 'rpc.wallet-claims.reconciliation.run.v1';
const say = (msg) => process.stderr.write(`[reconcile] ${msg}\n`);

let nc;
try {
  nc = await connect({ servers: args.nats, timeout: 3000 });
} catch (err) {
  say(
    `cannot reach NATS at ${args.nats} (${/** @type {Error} */ (err).message}): start the platform (npm start) or pass --nats`,
  );
  process.exit(2);
}
const h = headers();
h.set('x-request-id', randomUUID());
h.set('x-caller', JSON.stringify({ userId: 'operator:reconcile-cli', roles: ['ADMIN'], organisationIds: [] }));
say(`replaying ${args.wallet ? `wallet ${args.wallet}` : 'every wallet'} (this reads every ledger entry)...`);
const started = Date.now();
let reply;
try {
  const msg = await nc.request(
    PATTERN,
    JSON.stringify({ pattern: PATTERN, data: { walletId: args.wallet }, id: randomUUID() }),
    {
      timeout: Number(args.timeout) * 1000,
      headers: h,
    },
  );
  reply = JSON.parse(msg.string());
} catch (err) {
  say(`no answer from wallet-claims (${/** @type {Error} */ (err).message}): is the service running on ${args.nats}?`);
  process.exit(2);
} finally {
  await nc.close();
}
if (reply.err) {
  say(`refused: ${reply.err.message ?? JSON.stringify(reply.err)}`);
  process.exit(2);
}
const r = reply.response;
for (const m of r.mismatches) process.stdout.write(`MISMATCH wallet ${m.walletId} seq ${m.seq ?? '-'}: ${m.problem}\n`);
say(
  `${r.walletsChecked} wallet(s), ${r.entriesChecked} entries in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
    (r.mismatches.length ? `${r.mismatches.length} MISMATCH(ES)` : 'no mismatch'),
);
process.exit(r.mismatches.length ? 1 : 0);
