#!/usr/bin/env node
// Prints domain events as they are published (a plain NATS subscription: nothing is acked or
// consumed). `npm run events:tail -- identity.user.email-verification-requested.v1`
import { connect } from 'nats';

const type = process.argv[2];
const subject = type ? `evt.${type}` : 'evt.>';
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' }).catch((err) => {
  process.stderr.write(
    `Cannot reach NATS (${err.message}). Start the platform with \`npm start\` or \`npm run infra:up\`.\n`,
  );
  process.exit(1);
});
process.stdout.write(`[events] listening on ${subject} (Ctrl-C to stop)\n`);
for await (const m of nc.subscribe(subject)) {
  const e = JSON.parse(m.string());
  process.stdout.write(`${e.occurredAt} ${e.type} ${JSON.stringify(e.payload)}\n`);
}
