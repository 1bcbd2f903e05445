import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_REASONS } from '@telehealth/contracts';
import { statusOf } from './status-of';

/** docs/errors.md is what client teams branch on: it must list exactly the reasons, with their statuses. */
const DOC = readFileSync(path.join(__dirname, '../../../../../docs/errors.md'), 'utf8');
const documented = new Map(
  [...DOC.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
);

describe('docs/errors.md', () => {
  it.each(Object.entries(ERROR_REASONS))('lists %s with its HTTP status', (reason, entry) => {
    const status = 'httpStatus' in entry && entry.httpStatus ? entry.httpStatus : statusOf(entry.code);
    expect(documented.get(reason)).toBe(status);
  });

  it('lists no reason the contracts do not have', () => {
    expect([...documented.keys()].filter((r) => !(r in ERROR_REASONS))).toEqual([]);
  });
});
