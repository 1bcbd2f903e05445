import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { JwtConfig, loadConfig } from '@telehealth/config';
import { createGateway } from '../../app.factory';
import { GatewayConfig } from '../../config/gateway.config';
import { COMMITTED_SPEC, renderOpenApi } from './openapi-document';

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** Every value in a JSON tree with the path to it. */
function* nodes(value: unknown, at = '#'): Generator<[string, Record<string, unknown>]> {
  if (!value || typeof value !== 'object') return;
  if (!Array.isArray(value)) yield [at, value as Record<string, unknown>];
  for (const [k, v] of Object.entries(value)) yield* nodes(v, `${at}/${k}`);
}

/** (class name, property) of every property validated as a whole number (IntField). */
function integerProperties(): Array<{ schema: string; property: string }> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ name: string }, Array<{ name?: string; type: string; propertyName: string }>>;
  };
  return [...storage.validationMetadatas.entries()].flatMap(([target, metas]) =>
    metas.filter((m) => m.name === 'isInt').map((m) => ({ schema: target.name, property: m.propertyName })),
  );
}

describe('OpenAPI document', () => {
  let rendered: string;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema & { properties?: Record<string, Schema> }> };
    servers: Array<{ url: string }>;
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route, method, op })),
    );

  beforeAll(async () => {
    rendered = await renderOpenApi();
    doc = JSON.parse(rendered);
  });

  it(`matches the committed ${COMMITTED_SPEC} (run \`npm run openapi\` after changing the API)`, () => {
    const committed = readFileSync(path.join(__dirname, '../../../../..', COMMITTED_SPEC), 'utf8');
    expect(rendered).toEqual(committed);
  });

  it('documents a success and the error responses of every operation', () => {
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const codes = Object.keys(op.responses);
        expect({ route, method, success: codes.some((c) => c.startsWith('2')) }).toEqual({
          route,
          method,
          success: true,
        });
        expect({ route, method, has503: codes.includes('503') }).toEqual({ route, method, has503: true });
      }
    }
  });

  it('puts every route under /v1 (but the RFC 8615 well-known URIs, at the root by definition)', () => {
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/v1/') && !p.startsWith('/.well-known/'))).toEqual([]);
  });

  it('has no dangling $ref: every reference names a schema in components', () => {
    const refs = [...nodes(doc)].filter(([, n]) => typeof n.$ref === 'string');
    expect(refs.length).toBeGreaterThan(100);
    const dangling = refs
      .filter(([, n]) => !(String(n.$ref).replace('#/components/schemas/', '') in doc.components.schemas))
      .map(([at, n]) => `${at} -> ${String(n.$ref)}`);
    expect(dangling).toEqual([]);
  });

  it('types every property validated as a whole number as integer (bodies and query strings)', () => {
    const ints = integerProperties();
    expect(ints.length).toBeGreaterThan(10);
    const wrong = ints
      .map(({ schema, property }) => ({ schema, property, p: doc.components.schemas[schema]?.properties?.[property] }))
      .filter(({ p }) => p && p.type !== 'integer')
      .map(({ schema, property, p }) => `${schema}.${property}: ${String(p?.type)}`);
    expect(wrong).toEqual([]);
    const intNames = new Set(ints.map((i) => i.property));
    const params = operations().flatMap(({ route, method, op }) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && intNames.has(p.name) && p.schema.type !== 'integer')
        .map((p) => `${method} ${route} ?${p.name}: ${String(p.schema.type)}`),
    );
    expect(params).toEqual([]);
    const page = doc.paths['/v1/clinics'].get.parameters?.find((p) => p.name === 'page');
    expect(page?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10_000, default: 1 });
  });

  it('states types: no property is a bare `object` with no shape (a `string | null` field read as Object)', () => {
    const bare = [...nodes(doc.components.schemas)]
      .filter(([, n]) => n.type === 'object' && !n.properties && !n.additionalProperties && !n.allOf && !n.$ref)
      .map(([at]) => at);
    expect(bare).toEqual([]);
  });

  it('declares that request bodies take no properties beyond those listed (the gateway forbids them)', () => {
    const bodies = operations().flatMap(({ route, method, op }) =>
      Object.values(op.requestBody?.content ?? {}).map((c) => ({ route, method, ref: String(c.schema.$ref ?? '') })),
    );
    expect(bodies.length).toBeGreaterThan(20);
    const open = bodies
      .filter((b) => b.ref && doc.components.schemas[b.ref.split('/').pop()!]?.additionalProperties !== false)
      .map((b) => `${b.method} ${b.route}`);
    expect(open).toEqual([]);
  });

  it('requires a token exactly where the gateway does: none on @Public routes, optional on @OptionalAuth', () => {
    const security = (route: string, method: string) => doc.paths[route][method].security;
    expect(security('/v1/auth/login', 'post')).toEqual([]);
    expect(security('/v1/auth/register', 'post')).toEqual([]);
    expect(security('/v1/specialties', 'get')).toEqual([{}, { bearer: [] }]);
    expect(security('/v1/clinics', 'get')).toEqual([{}, { bearer: [] }]);
    expect(security('/v1/me', 'get')).toEqual([{ bearer: [] }]);
    expect(security('/v1/clinics', 'post')).toEqual([{ bearer: [] }]);
    expect(
      operations()
        .filter(({ op }) => op.security === undefined)
        .map((o) => `${o.method} ${o.route}`),
    ).toEqual([]);
  });

  it('holds no demo credentials in examples, and takes the server address from PUBLIC_URL', async () => {
    expect(rendered).not.toMatch(/demo\.health|DemoPass/i);
    expect(doc.servers).toEqual([{ url: 'http://localhost:3000' }]);
    const elsewhere = JSON.parse(await renderOpenApi({ PUBLIC_URL: 'https://api.example.ng' })) as typeof doc;
    expect(elsewhere.servers).toEqual([{ url: 'https://api.example.ng' }]);
  });

  it('gives each handler at most one whole-object @Param() DTO (each would be given every path parameter)', async () => {
    const app = await createGateway(loadConfig(GatewayConfig, {}), loadConfig(JwtConfig, {}), false);
    const doubled: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<
            string,
            { data?: unknown }
          >;
          const whole = Object.entries(args).filter(
            ([key, a]) => key.startsWith(`${RouteParamtypes.PARAM}:`) && !a.data,
          );
          if (whole.length > 1) doubled.push(`${metatype.name}.${name}`);
        }
      }
    }
    await app.close();
    expect(doubled).toEqual([]);
  });
});
