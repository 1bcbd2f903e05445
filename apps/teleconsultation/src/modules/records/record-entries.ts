import { EntrySource, type AddRecordEntriesRequest } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { Section, type EntryDoc } from './medical-record.schema';

/** Each section's fields: the first is required; anything else in a request is not stored. */
const FIELDS: Record<Section, readonly string[]> = {
  [Section.CONDITIONS]: ['name', 'icd10Code', 'status', 'since', 'notes'],
  [Section.ALLERGIES]: ['substance', 'reaction', 'severity'],
  [Section.MEDICATIONS]: ['name', 'dose', 'frequency', 'since', 'until'],
  [Section.SURGERIES]: ['procedure', 'date', 'notes'],
  [Section.FAMILY_HISTORY]: ['relation', 'condition', 'notes'],
  [Section.VITALS]: [
    'measuredAt',
    'systolicMmHg',
    'diastolicMmHg',
    'heartRateBpm',
    'temperatureC',
    'respiratoryRate',
    'spo2Percent',
    'weightKg',
    'heightCm',
    'bloodGlucoseMmolL',
  ],
};

/** A record holds at most this many entries per section (a history, not a log). */
export const MAX_ENTRIES_PER_SECTION = 500;

export interface EntryAuthor {
  source: EntrySource;
  addedBy: string;
  doctorId: string | null;
  appointmentId: string | null;
  addedAt: Date;
}

/** The stored fields of one entry: its section's fields, absent ones null; the first required. */
export function fieldsOf(section: Section, item: Record<string, unknown>, path: string): Record<string, unknown> {
  const [first, ...rest] = FIELDS[section];
  const value = item[first];
  if (value === undefined || value === null || value === '')
    throw DomainError.invalid(`${path}.${first}`, 'is required');
  if (section === Section.VITALS && rest.every((f) => item[f] === undefined || item[f] === null))
    throw DomainError.invalid(path, 'give at least one measurement');
  return Object.fromEntries(FIELDS[section].map((f) => [f, item[f] ?? null]));
}

/** The sections of an add-entries request that carry entries, with their items. */
export function sectionsIn(req: AddRecordEntriesRequest): [Section, Record<string, unknown>[]][] {
  return Object.values(Section)
    .filter((s) => Array.isArray(req[s]) && (req[s] as unknown[]).length > 0)
    .map((s) => [s, req[s] as unknown as Record<string, unknown>[]]);
}

export function requireRoom(section: Section, entries: EntryDoc[]): void {
  if (entries.filter((e) => e.section === section).length > MAX_ENTRIES_PER_SECTION)
    throw DomainError.invalid(section, `a record holds at most ${MAX_ENTRIES_PER_SECTION} entries per section`);
}
