#!/usr/bin/env node
// Compiles apps and libs to dist/ (incremental) and links the @telehealth/* libraries into
// dist/node_modules so compiled apps resolve them like packages, with no runtime path hook.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIBS = ['contracts', 'config', 'messaging', 'persistence', 'service-kit', 'jobs', 'storage'];

const started = Date.now();
process.stdout.write('[build] compiling TypeScript (apps + libs) to dist/ ...\n');
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  process.stderr.write('[build] TypeScript errors above; fix them and rerun (`npm run typecheck` shows them too).\n');
  process.exit(tsc.status ?? 1);
}
const scope = path.join(root, 'dist/node_modules/@telehealth');
mkdirSync(scope, { recursive: true });
for (const lib of LIBS) {
  const link = path.join(scope, lib);
  rmSync(link, { force: true, recursive: true });
  symlinkSync(path.join('..', '..', 'libs', lib, 'src'), link, 'dir');
}
process.stdout.write(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
