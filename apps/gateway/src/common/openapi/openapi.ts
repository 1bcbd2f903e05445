import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type MediaTypeObject,
  type OpenAPIObject,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { CONTRACTS_VERSION } from '@telehealth/contracts';
import { IS_PUBLIC, OPTIONAL_AUTH } from '../auth/public.decorator';

const DESCRIPTION = `The public REST API of the telehealth and care-financing platform.

Every error has one body: \`{statusCode, error, message, reason?, details: [{field, problem}], requestId}\`.
Every response carries \`x-request-id\` (send your own to correlate). Lists take \`?page=&limit=\` (limit at most 100)
and answer \`{items, page, limit, total, hasMore}\`. Rate limits answer 429 with \`Retry-After\`.`;

const BEARER = 'bearer';

/** The OpenAPI document, generated from the controllers and DTOs (committed as docs/openapi.json). */
export function buildOpenApi(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Telehealth Platform API')
    .setDescription(DESCRIPTION)
    .setVersion(CONTRACTS_VERSION)
    .addServer(publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => operationId(controller, method),
  });
  applySecurity(doc, routeAccess(app));
  closeRequestBodies(doc);
  return doc;
}

function operationId(controller: string, method: string): string {
  return `${controller.replace(/Controller$/, '')}_${method}`;
}

type Access = 'public' | 'optional' | 'token';

/** Each handler's access by operation id, read from the same metadata the JwtAuthGuard reads. */
function routeAccess(app: INestApplication): Map<string, Access> {
  const access = new Map<string, Access>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        // Handler metadata overrides the class's, as Reflector.getAllAndOverride does in the guard.
        const read = (key: string) => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type)) as boolean;
        access.set(
          operationId(type.name, name),
          read(IS_PUBLIC) ? (read(OPTIONAL_AUTH) ? 'optional' : 'public') : 'token',
        );
      }
    }
  }
  return access;
}

/** No requirement on public routes, an optional token where one is read if sent, a token elsewhere. */
function applySecurity(doc: OpenAPIObject, access: Map<string, Access>): void {
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const how = access.get(op.operationId);
      if (!how) throw new Error(`OpenAPI: no handler found for ${method.toUpperCase()} ${route} (${op.operationId})`);
      op.security = how === 'public' ? [] : how === 'optional' ? [{}, { [BEARER]: [] }] : [{ [BEARER]: [] }];
      // An optional field is nullable in a JSON body; a query string or a path cannot carry null.
      for (const param of op.parameters ?? []) if ('schema' in param && param.schema) delete param.schema.nullable;
    }
  }
}

/**
 * The gateway's validation pipe forbids properties a DTO does not declare (forbidNonWhitelisted),
 * in the body and in every object nested in it: those schemas say `additionalProperties: false`.
 */
function closeRequestBodies(doc: OpenAPIObject): void {
  const schemas = doc.components?.schemas ?? {};
  const closed = new Set<string>();
  const visit = (s: SchemaObject | ReferenceObject | undefined): void => {
    if (!s) return;
    if ('$ref' in s) {
      const name = s.$ref.replace('#/components/schemas/', '');
      if (closed.has(name) || !schemas[name]) return;
      closed.add(name);
      const target = schemas[name] as SchemaObject;
      if (target.type === 'object' || target.properties) target.additionalProperties = false;
      return visit(target);
    }
    for (const p of Object.values(s.properties ?? {})) visit(p);
    for (const p of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) visit(p);
    if (s.items) visit(s.items);
  };
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || !('requestBody' in op) || !op.requestBody) continue;
      if ('$ref' in op.requestBody) continue;
      for (const media of Object.values<MediaTypeObject>(op.requestBody.content)) visit(media.schema);
    }
  }
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', useGlobalPrefix: false });
}
