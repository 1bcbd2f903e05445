import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('@telehealth/api-client types', () => {
  it('are generated from the committed docs/openapi.json (run `npm run openapi`)', () => {
    const cli = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
    const out = spawnSync(process.execPath, [cli, 'docs/openapi.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toEqual(readFileSync(path.join(__dirname, 'openapi.ts'), 'utf8'));
  });
});
