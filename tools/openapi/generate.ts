// Writes docs/openapi.json from the gateway's controllers and DTOs (`npm run openapi`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the generator renders the gateway's own document
import { COMMITTED_SPEC, renderOpenApi } from '../../apps/gateway/src/common/openapi/openapi-document';

void renderOpenApi().then((spec) => {
  writeFileSync(path.resolve(__dirname, '../../..', COMMITTED_SPEC), spec);
  process.stdout.write(`[openapi] wrote ${COMMITTED_SPEC} (${Object.keys(JSON.parse(spec).paths).length} paths)\n`);
});
