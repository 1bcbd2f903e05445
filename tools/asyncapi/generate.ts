// Writes docs/asyncapi.json and docs/schemas/events/*.schema.json from the contracts (`npm run asyncapi`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the generator renders the contracts' own catalogue */
import {
  COMMITTED_ASYNCAPI,
  COMMITTED_SCHEMAS,
  ROOT,
  renderEventContracts,
} from '../../libs/contracts/src/asyncapi/render-asyncapi';
/* eslint-enable @nx/enforce-module-boundaries */

const { asyncapi, schemas } = renderEventContracts();
writeFileSync(path.join(ROOT, COMMITTED_ASYNCAPI), asyncapi);
const dir = path.join(ROOT, COMMITTED_SCHEMAS);
mkdirSync(dir, { recursive: true });
for (const stale of readdirSync(dir)) if (!schemas.has(stale)) rmSync(path.join(dir, stale));
for (const [name, text] of schemas) writeFileSync(path.join(dir, name), text);
process.stdout.write(`[asyncapi] wrote ${COMMITTED_ASYNCAPI} and ${schemas.size} schemas in ${COMMITTED_SCHEMAS}\n`);
