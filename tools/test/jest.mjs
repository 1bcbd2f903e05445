#!/usr/bin/env node
// Runs every Jest project serially (the crash test restarts a service the other suites use).
// Extra arguments go to Jest; JEST_JSON_OUTPUT=<file> also writes machine-readable results.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = ['--runInBand', ...process.argv.slice(2)];
if (process.env.JEST_JSON_OUTPUT) {
  mkdirSync(path.dirname(process.env.JEST_JSON_OUTPUT), { recursive: true });
  args.push('--json', `--outputFile=${process.env.JEST_JSON_OUTPUT}`);
}
const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
