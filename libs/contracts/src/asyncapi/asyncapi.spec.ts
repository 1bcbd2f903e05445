import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { ALL_EVENTS } from '../catalog';
import { CONTRACTS_VERSION } from '../index';
import { COMMITTED_ASYNCAPI, COMMITTED_SCHEMAS, ROOT, payloadTypes, renderEventContracts } from './render-asyncapi';

/**
 * docs/asyncapi.json and docs/schemas/events/ are the event catalogue as data, for subscribers'
 * code generators and validators: rendered from the contracts, valid AsyncAPI, and in step.
 */
describe('AsyncAPI document and event JSON Schemas', () => {
  const rendered = renderEventContracts();
  const doc = JSON.parse(rendered.asyncapi);

  it(`matches the committed ${COMMITTED_ASYNCAPI} and ${COMMITTED_SCHEMAS} (run \`npm run asyncapi\`)`, () => {
    expect(rendered.asyncapi).toEqual(readFileSync(path.join(ROOT, COMMITTED_ASYNCAPI), 'utf8'));
    const dir = path.join(ROOT, COMMITTED_SCHEMAS);
    expect(readdirSync(dir).sort()).toEqual([...rendered.schemas.keys()].sort());
    for (const [name, text] of rendered.schemas) expect(readFileSync(path.join(dir, name), 'utf8')).toEqual(text);
  });

  it('is a valid AsyncAPI 3 document with no diagnostics', async () => {
    const { document, diagnostics } = await new Parser().parse(rendered.asyncapi);
    expect(diagnostics.map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document?.version()).toMatch(/^3\./);
    expect(document?.info().version()).toBe(CONTRACTS_VERSION);
  }, 30_000);

  it('has one channel per event, at its subject, naming its stream, with the payload type of its contract', () => {
    const channels = Object.values(doc.channels) as { address: string; 'x-jetstream-stream': string }[];
    expect(channels.map((c) => c.address).sort()).toEqual(ALL_EVENTS.map((e) => e.subject).sort());
    for (const e of ALL_EVENTS) {
      const id = e.type.replace(/\./g, '_');
      expect(doc.channels[id]['x-jetstream-stream']).toBe(e.stream);
      const envelope = doc.components.messages[id].payload;
      expect(envelope.properties.type.const).toBe(e.type);
      expect(envelope.properties.payload.type).toBe('object');
    }
    expect(payloadTypes().size).toBe(ALL_EVENTS.length);
  });

  it('describes payload fields as the contracts type them (a spot check)', () => {
    const held = doc.components.messages.scheduling_appointment_held_v1.payload.properties.payload;
    expect(held.required).toEqual(expect.arrayContaining(['appointmentId', 'holdExpiresAt', 'fee']));
    expect(held.properties.paymentMethod.enum).toEqual(['WALLET', 'CARD']);
    expect(held.properties.fee.required).toEqual(['amountMinor', 'currency']);
  });
});
