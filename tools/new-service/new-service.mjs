#!/usr/bin/env node
// Adds a service to the platform in the one app shape, running and tested from the first commit:
//   npm run new:service -- <name> [--concept <plural>] [--entity <singular>] [--dry-run]
//   npm run new:service -- claims-desk --concept notes --entity note
// Writes apps/<name>/ (root module, config, one domain module: schema, repository, service, RPC
// controller, integration test), its contracts in libs/contracts, and a row in the table of
// services (libs/contracts/src/common/services.ts) that the runner, bench, e2e and lint read; adds
// the app to the lint guard that keeps models inside repositories. Then says what is left by hand.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serviceFiles } from './templates.mjs';

// NEW_SERVICE_ROOT: another checkout to write into (the generator's own test uses a scratch copy).
const ROOT = process.env.NEW_SERVICE_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES_FILE = 'libs/contracts/src/common/services.ts';
const CONTRACTS_INDEX = 'libs/contracts/src/index.ts';
const ESLINT_CONFIG = 'eslint.config.mjs';
const PORT_BASE = 3000;

const pascal = (/** @type {string} */ kebab) => kebab.replace(/(^|-)(.)/g, (_, __, c) => c.toUpperCase());
const camel = (/** @type {string} */ kebab) => kebab.replace(/-(.)/g, (_, c) => c.toUpperCase());
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Problems with the requested names, given the services that exist. */
export function problemsOf(/** @type {{service: string, concept: string, entity: string, existing: string[]}} */ q) {
  const problems = [];
  for (const [what, value] of Object.entries({ name: q.service, '--concept': q.concept, '--entity': q.entity }))
    if (!KEBAB.test(value))
      problems.push(`${what} "${value}" must be kebab-case (a-z, 0-9, dashes), starting with a letter`);
  if (q.existing.includes(q.service)) problems.push(`a service named "${q.service}" exists already`);
  if (q.concept === q.entity) problems.push('--concept (plural) and --entity (singular) must differ');
  return problems;
}

/** The next free probe-port offset after the table's highest (101, 102, ...). */
export const nextPortOffset = (/** @type {number[]} */ offsets) => Math.max(100, ...offsets) + 1;

/** The services table with one more row, inserted before the closing `] as const`. */
export function withServiceRow(
  /** @type {string} */ source,
  /** @type {{service: string, portOffset: number, database: string}} */ row,
) {
  const end = source.indexOf('] as const');
  if (end < 0) throw new Error(`${SERVICES_FILE}: cannot find the end of SERVICES ("] as const")`);
  const line = `  { name: '${row.service}', portOffset: ${row.portOffset}, database: '${row.database}', demoData: false },\n`;
  return source.slice(0, end) + line + source.slice(end);
}

/** The lint guard's app list (`files: [...].map((app) => ...)`) with the new app added. */
export function withGuardedApp(/** @type {string} */ source, /** @type {string} */ service) {
  const re = /files: \[([^\]]*)\]\.map\(\(app\) => `apps\/\$\{app\}\/src\/\*\*\/\*\.ts`\)/;
  const m = re.exec(source);
  if (!m) return null;
  const apps = [...m[1].matchAll(/'([^']+)'/g)].map((a) => a[1]);
  const list = [...apps, service].map((a) => `'${a}'`).join(', ');
  return source.replace(re, `files: [${list}].map((app) => \`apps/\${app}/src/**/*.ts\`)`);
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      concept: { type: 'string', default: 'records' },
      entity: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const service = positionals[0] ?? '';
  const concept = values.concept ?? 'records';
  const entity = values.entity ?? concept.replace(/s$/, '');
  const read = (/** @type {string} */ f) => readFileSync(path.join(ROOT, f), 'utf8');
  const servicesSource = read(SERVICES_FILE);
  const existing = [...servicesSource.matchAll(/name: '([^']+)'/g)].map((m) => m[1]);
  const problems = problemsOf({ service, concept, entity, existing });
  if (!service)
    problems.unshift('name the service: npm run new:service -- <name> [--concept <plural>] [--entity <singular>]');
  if (problems.length) {
    for (const p of problems) process.stderr.write(`[new:service] ${p}\n`);
    process.exit(2);
  }
  const portOffset = nextPortOffset([...servicesSource.matchAll(/portOffset: (\d+)/g)].map((m) => Number(m[1])));
  const n = {
    service,
    Service: pascal(service),
    serviceCamel: camel(service),
    database: service.replace(/-/g, '_'),
    healthPort: PORT_BASE + portOffset,
    concept,
    Concept: pascal(concept),
    Entity: pascal(entity),
    entity,
    ENTITY: entity.replace(/-/g, '_').toUpperCase(),
  };
  const files = serviceFiles(n);
  const clash = Object.keys(files).filter((f) => existsSync(path.join(ROOT, f)));
  if (clash.length) {
    process.stderr.write(`[new:service] these files exist already; nothing was written: ${clash.join(', ')}\n`);
    process.exit(2);
  }
  const edits = {
    [SERVICES_FILE]: withServiceRow(servicesSource, { service, portOffset, database: n.database }),
    [CONTRACTS_INDEX]: `${read(CONTRACTS_INDEX).trimEnd()}\nexport * from './${service}/${service}.rpc';\n`,
  };
  const guarded = withGuardedApp(read(ESLINT_CONFIG), service);
  if (guarded) edits[ESLINT_CONFIG] = guarded;
  for (const [file, content] of Object.entries({ ...files, ...edits })) {
    process.stdout.write(`[new:service] ${values['dry-run'] ? 'would write' : 'writing'} ${file}\n`);
    if (values['dry-run']) continue;
    mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    writeFileSync(path.join(ROOT, file), content);
  }
  process.stdout.write(`
[new:service] ${service}: probes on :${n.healthPort}, database telehealth_${n.database}, patterns rpc.${service}.*
Next:
  npx prettier --write apps/${service} libs/contracts && npm run check
  node tools/build.mjs && node tools/test/jest.mjs apps/${service}    # its integration test, on a real database
  npm start                                                            # the runner starts it with the others
By hand (docs/adding-a-service.md): gateway routes and DTOs, events and consumers, jobs,
  k8s/base/apps/${service}.yaml (copy aftercare.yaml), docker-compose.yml, README's app table.
`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
