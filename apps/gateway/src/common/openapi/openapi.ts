import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CONTRACTS_VERSION } from '@telehealth/contracts';

const DESCRIPTION = `The public REST API of the telehealth and care-financing platform.

Every error has one body: \`{statusCode, error, message, reason?, details: [{field, problem}], requestId}\`.
Every response carries \`x-request-id\` (send your own to correlate). Lists take \`?page=&limit=\` (limit at most 100)
and answer \`{items, page, limit, total, hasMore}\`. Rate limits answer 429 with \`Retry-After\`.`;

/** The OpenAPI document, generated from the controllers and DTOs (committed as docs/openapi.json). */
export function buildOpenApi(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Telehealth Platform API')
    .setDescription(DESCRIPTION)
    .setVersion(CONTRACTS_VERSION)
    .addServer(publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', useGlobalPrefix: false });
}
