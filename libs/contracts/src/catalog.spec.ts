import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_EVENTS } from './catalog';
import { streamSubjectsOf } from './common/contract';
import { IdentityRpc } from './identity/identity.rpc';
import { CONTRACTS_VERSION } from './index';
import { systemRpc } from './platform/system.rpc';

/**
 * docs/events.md is what outside teams subscribe from: it must list exactly the events the
 * contracts define, with their subjects and streams, so the two cannot drift apart.
 */
const DOC_PATH = path.join(__dirname, '../../../docs/events.md');
const doc = readFileSync(DOC_PATH, 'utf8');
const lines = doc.split(/\r?\n/);

/** Headings of level 1-3 outside fenced code blocks, with the line they start on. */
let inFence = false;
const headings = lines.flatMap((line, index) => {
  if (/^\s*```/.test(line)) inFence = !inFence;
  const m = inFence ? null : /^(#{1,3})\s+(.*?)\s*$/.exec(line);
  return m ? [{ level: m[1].length, title: m[2], index }] : [];
});

/** The text under `### <title>` up to the next heading of level 3 or higher. */
function sectionOf(title: string): string | undefined {
  const at = headings.findIndex((h) => h.level === 3 && h.title === title);
  if (at < 0) return undefined;
  const end = headings[at + 1]?.index ?? lines.length;
  return lines.slice(headings[at].index + 1, end).join('\n');
}

/** Every `### ...` heading whose title starts with a versioned type (`a.b.c.v<N>`). */
const versionedHeadings = headings
  .filter((h) => h.level === 3)
  .map((h) => /^`?([\w.-]+\.v\d+)\b/.exec(h.title)?.[1])
  .filter((t): t is string => t !== undefined);

describe('docs/events.md', () => {
  it('states the contracts version it describes', () => {
    expect(doc).toContain(`contracts version \`${CONTRACTS_VERSION}\``);
  });

  it.each(ALL_EVENTS.map((e) => [e.type, e] as const))('documents %s with its subject and stream', (type, event) => {
    const headingCount = headings.filter((h) => h.level === 3 && h.title === type).length;
    expect({ type, headingCount }).toEqual({ type, headingCount: 1 });
    const section = sectionOf(type) ?? '';
    expect(section).toContain(`\`${event.subject}\``);
    expect(section).toContain(`\`${event.stream}\``);
    expect(section).toContain(`\`${event.producer}\``);
    // A JSON example envelope of that very type.
    expect(section).toContain(`"type": "${event.type}"`);
  });

  it('documents no event type that the contracts do not define', () => {
    const known = new Set(ALL_EVENTS.map((e) => e.type));
    expect(versionedHeadings.filter((t) => !known.has(t))).toEqual([]);
    expect(versionedHeadings.length).toBe(ALL_EVENTS.length);
  });

  it('describes the stream of every producing service', () => {
    for (const producer of new Set(ALL_EVENTS.map((e) => e.producer))) {
      const stream = ALL_EVENTS.find((e) => e.producer === producer)?.stream ?? '';
      expect(doc).toContain(`\`${stream}\``);
      expect(doc).toContain(`\`${streamSubjectsOf(producer)}\``);
    }
  });

  it('lists exactly the identity request-reply patterns and the system patterns', () => {
    const identity = Object.values(IdentityRpc).map((c) => c.pattern);
    const system = Object.values(systemRpc('identity')).map((c) =>
      c.pattern.replace('rpc.identity.', 'rpc.<service>.'),
    );
    for (const pattern of [...identity, ...system]) expect(doc).toContain(`\`${pattern}\``);
    const mentioned = [...doc.matchAll(/`(rpc\.identity\.[^`\s]+)`/g)].map((m) => m[1]);
    const known = new Set([...identity, ...Object.values(systemRpc('identity')).map((c) => c.pattern)]);
    expect(mentioned.filter((p) => !known.has(p))).toEqual([]);
  });
});
