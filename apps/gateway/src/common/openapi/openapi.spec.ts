import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMITTED_SPEC, renderOpenApi } from './openapi-document';

describe('OpenAPI document', () => {
  let rendered: string;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>> };

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
});
