import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(__dirname, 'new-service.mjs');
/** The files the generator edits, copied so a run writes into a scratch checkout, never the repo. */
const EDITED = ['libs/contracts/src/common/services.ts', 'libs/contracts/src/index.ts', 'eslint.config.mjs'];

function generate(args: string[], root = ROOT) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEW_SERVICE_ROOT: root },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run new:service', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'new-service-'));
    for (const f of EDITED) cpSync(path.join(ROOT, f), path.join(scratch, f), { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a service in the app shape and registers it in the table, the contracts and the lint guard', () => {
    const before = readFileSync(path.join(scratch, EDITED[0]), 'utf8');
    const highest = Math.max(...[...before.matchAll(/portOffset: (\d+)/g)].map((m) => Number(m[1])));
    const r = generate(['claims-desk', '--concept', 'notes', '--entity', 'note'], scratch);
    expect(r.status).toBe(0);
    for (const f of ['main.ts', 'claims-desk.module.ts', 'config/claims-desk.config.ts'])
      expect(existsSync(path.join(scratch, 'apps/claims-desk/src', f))).toBe(true);
    for (const f of [
      'notes.module.ts',
      'note.schema.ts',
      'notes.repository.ts',
      'notes.service.ts',
      'notes.controller.ts',
    ])
      expect(existsSync(path.join(scratch, 'apps/claims-desk/src/modules/notes', f))).toBe(true);
    expect(existsSync(path.join(scratch, 'apps/claims-desk/src/modules/notes/notes.int-spec.ts'))).toBe(true);
    expect(existsSync(path.join(scratch, 'apps/claims-desk/src/modules/repository-shape.spec.ts'))).toBe(true);
    const table = readFileSync(path.join(scratch, EDITED[0]), 'utf8');
    expect(table).toContain(
      `{ name: 'claims-desk', portOffset: ${highest + 1}, database: 'claims_desk', demoData: false }`,
    );
    expect(readFileSync(path.join(scratch, EDITED[1]), 'utf8')).toContain(
      "export * from './claims-desk/claims-desk.rpc';",
    );
    expect(readFileSync(path.join(scratch, 'apps/claims-desk/src/config/claims-desk.config.ts'), 'utf8')).toContain(
      `HEALTH_PORT = ${3000 + highest + 1}`,
    );
    const guard = /files: \[([^\]]*)\]\.map\(\(app\)/.exec(readFileSync(path.join(scratch, EDITED[2]), 'utf8'));
    expect(guard?.[1]).toContain("'claims-desk'");
  });

  it('refuses a name that is not kebab-case, or taken, and writes nothing', () => {
    const bad = generate(['Claims_Desk'], scratch);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/name "Claims_Desk" must be kebab-case/);
    const taken = generate(['identity'], scratch);
    expect(taken.status).toBe(2);
    expect(taken.err).toMatch(/"identity" exists already/);
    expect(existsSync(path.join(scratch, 'apps'))).toBe(false);
    for (const f of EDITED)
      expect(readFileSync(path.join(scratch, f), 'utf8')).toBe(readFileSync(path.join(ROOT, f), 'utf8'));
  });

  it('with --dry-run lists what it would write and writes nothing', () => {
    const r = generate(['claims-desk', '--dry-run'], scratch);
    expect(r.status).toBe(0);
    expect(r.out).toContain('would write apps/claims-desk/src/modules/records/records.repository.ts');
    expect(existsSync(path.join(scratch, 'apps'))).toBe(false);
  });
});
