// Renders the event catalogue as data: an AsyncAPI 3 document and one JSON Schema per event,
// from the contracts' own TypeScript (each defineEvent<Payload>(...) call names its payload type).
// Dev-time only (the TypeScript compiler and ts-json-schema-generator): run by `npm run asyncapi`
// and by the test that keeps docs/asyncapi.json in step; nothing at run time imports it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import ts from 'typescript';
import { ALL_EVENTS } from '../catalog';
import type { EventContract } from '../common/contract';
import { CONTRACTS_VERSION } from '../index';

/** The repository root (this file also runs compiled, from dist/): where nx.json is. */
function repositoryRoot(from = __dirname): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
  throw new Error(`No nx.json above ${from}`);
}
export const ROOT = repositoryRoot();
/** Always the TypeScript sources: the payload types are read from them. */
const SRC = path.join(ROOT, 'libs/contracts/src');
export const COMMITTED_ASYNCAPI = 'docs/asyncapi.json';
export const COMMITTED_SCHEMAS = 'docs/schemas/events';

type Schema = Record<string, unknown>;

/** `producer.name.vN` -> the payload type named in its defineEvent<...>(...) call. */
export function payloadTypes(): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.events.ts'));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText() === 'defineEvent' && node.typeArguments?.length) {
        const [producer, name, version] = node.arguments.map((a) => (a as ts.LiteralExpression).text);
        found.set(`${producer}.${name}.v${version}`, node.typeArguments[0].getText());
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Every event payload's JSON Schema, self-contained (no $ref), by event type. */
function payloadSchemas(): Map<string, Schema> {
  const config: Config = {
    path: path.join(SRC, 'index.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.base.json'),
    type: '*',
    expose: 'none',
    topRef: false,
    skipTypeCheck: true,
    jsDoc: 'extended',
    additionalProperties: true,
  };
  const generator = createGenerator(config);
  const types = payloadTypes();
  const schemas = new Map<string, Schema>();
  for (const e of ALL_EVENTS) {
    const typeName = types.get(e.type);
    if (!typeName) throw new Error(`No defineEvent<...>() call found for ${e.type}`);
    const { $schema: _schema, definitions: _none, ...schema } = generator.createSchema(typeName) as Schema;
    schemas.set(e.type, schema);
  }
  return schemas;
}

const ENVELOPE_FIELDS: Record<string, Schema> = {
  id: {
    type: 'string',
    format: 'uuid',
    description: 'Unique event id; also the Nats-Msg-Id header. Deduplicate on it.',
  },
  occurredAt: { type: 'string', format: 'date-time', description: 'When it happened (UTC).' },
  correlationId: { type: 'string', description: 'The API request (x-request-id) or event that caused it.' },
  aggregateId: { type: 'string', description: 'The entity it is about: events of one aggregate arrive in order.' },
};

/** The envelope of one event type, its payload schema inside: what a subscriber receives. */
function envelopeSchema(e: EventContract<unknown>, payload: Schema): Schema {
  return {
    type: 'object',
    required: ['id', 'type', 'occurredAt', 'producer', 'correlationId', 'aggregateId', 'payload'],
    properties: {
      ...ENVELOPE_FIELDS,
      type: { type: 'string', const: e.type },
      producer: { type: 'string', const: e.producer },
      payload,
    },
  };
}

const idOf = (type: string) => type.replace(/\./g, '_');

export interface RenderedContracts {
  asyncapi: string;
  /** File name (under docs/schemas/events) -> JSON Schema text. */
  schemas: Map<string, string>;
}

/** The AsyncAPI document and the per-event JSON Schemas, as committed (stable key order). */
export function renderEventContracts(): RenderedContracts {
  const payloads = payloadSchemas();
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};
  const schemas = new Map<string, string>();
  for (const e of ALL_EVENTS) {
    const id = idOf(e.type);
    const envelope = envelopeSchema(e, payloads.get(e.type) as Schema);
    messages[id] = {
      name: e.type,
      title: e.type,
      summary: e.description,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/NatsHeaders' },
      payload: envelope,
    };
    channels[id] = {
      address: e.subject,
      title: e.type,
      description: `${e.description} Stored in the JetStream stream \`${e.stream}\`.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      'x-jetstream-stream': e.stream,
      'x-producer': e.producer,
    };
    operations[`receive_${id}`] = {
      action: 'receive',
      title: `Subscribe to ${e.type}`,
      summary: `A durable JetStream consumer on \`${e.stream}\` filtered to \`${e.subject}\`.`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
    schemas.set(
      `${e.type}.schema.json`,
      `${JSON.stringify(
        {
          $schema: 'http://json-schema.org/draft-07/schema#',
          $id: `https://telehealth.example/schemas/events/${e.type}.schema.json`,
          title: e.type,
          description: e.description,
          ...envelope,
        },
        null,
        2,
      )}\n`,
    );
  }
  const doc = {
    asyncapi: '3.1.0',
    info: {
      title: 'Telehealth platform domain events',
      version: CONTRACTS_VERSION,
      description:
        'Every domain event the platform publishes on NATS JetStream, one channel per versioned type (`evt.<service>.<entity>.<fact>.v<N>`), one stream per producing service. Delivery is at least once: deduplicate on the envelope `id` (also the `Nats-Msg-Id` header). Generated from `@telehealth/contracts`; the prose, examples and ordering rules are in docs/events.md.',
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'nats:4222',
        protocol: 'nats',
        description: 'NATS with JetStream. Streams: EVT_<SERVICE> capturing evt.<service>.>.',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: {
        NatsHeaders: {
          type: 'object',
          properties: {
            'Nats-Msg-Id': { type: 'string', description: 'The event id: JetStream drops a duplicate publish.' },
          },
        },
      },
    },
  };
  return { asyncapi: `${JSON.stringify(doc, null, 2)}\n`, schemas };
}
