import { ErrorCode, type FieldProblem, type Medication, type PatientDetailsInput } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { PrescriptionContent } from './prescription';

/** The text fields of a medication line, each required, with their longest length. */
const TEXT_FIELDS = {
  name: 200,
  strength: 100,
  form: 100,
  dose: 100,
  route: 100,
  frequency: 200,
  duration: 100,
} as const satisfies Partial<Record<keyof Medication, number>>;

export const MAX_MEDICATIONS = 30;
const MAX_INSTRUCTIONS = 1_000;
const MAX_TEXT = 4_000;
const MAX_ALLERGIES = 50;

/** What the caller sent for a prescription's content (any of it; unknown shape until checked). */
export interface ContentInput {
  medications?: unknown;
  diagnosis?: unknown;
  notes?: unknown;
  patientDetails?: unknown;
}

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, problem: string): void {
    this.list.push({ field, problem });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, field: string, max: number, problems: Problems, required: boolean): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
    if (required) problems.add(field, 'is required');
    return null;
  }
  if (typeof v !== 'string') {
    problems.add(field, 'must be a string');
    return null;
  }
  if (v.trim().length > max) problems.add(field, `must be at most ${max} characters`);
  return v.trim();
}

function count(v: unknown, field: string, min: number, max: number, problems: Problems): number {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
    problems.add(field, `must be a whole number from ${min} to ${max}`);
    return min;
  }
  return v as number;
}

function medication(v: unknown, at: string, problems: Problems): Medication {
  if (!isRecord(v)) {
    problems.add(at, 'must be an object');
    return null as never;
  }
  const out = {} as Record<string, unknown>;
  for (const [field, max] of Object.entries(TEXT_FIELDS))
    out[field] = text(v[field], `${at}.${field}`, max, problems, true);
  out.quantity = count(v.quantity, `${at}.quantity`, 1, 10_000, problems);
  out.refills = count(v.refills ?? 0, `${at}.refills`, 0, 12, problems);
  out.instructions = text(v.instructions, `${at}.instructions`, MAX_INSTRUCTIONS, problems, false);
  return out as unknown as Medication;
}

function patientDetails(v: unknown, problems: Problems): PrescriptionContent['patientDetails'] {
  const out = { weightKg: null as number | null, allergies: [] as string[] };
  if (v === undefined || v === null) return out;
  if (!isRecord(v)) {
    problems.add('patientDetails', 'must be an object');
    return out;
  }
  const d = v as PatientDetailsInput;
  if (d.weightKg !== undefined && d.weightKg !== null) {
    if (typeof d.weightKg !== 'number' || !Number.isFinite(d.weightKg) || d.weightKg <= 0 || d.weightKg > 700)
      problems.add('patientDetails.weightKg', 'must be a number of kilograms from 0 to 700');
    else out.weightKg = Math.round(d.weightKg * 10) / 10;
  }
  if (d.allergies !== undefined) {
    if (!Array.isArray(d.allergies) || d.allergies.length > MAX_ALLERGIES)
      problems.add('patientDetails.allergies', `must be a list of at most ${MAX_ALLERGIES} names`);
    else
      out.allergies = d.allergies
        .map((a, i) => text(a, `patientDetails.allergies.${i}`, 200, problems, true))
        .filter((a): a is string => a !== null);
  }
  return out;
}

/**
 * The content a draft will hold: `input` applied over `current` (a field left out keeps its
 * value), every field checked. All problems are reported at once, each naming its field
 * (`medications[0].dose`), in one 400.
 */
export function draftContent(input: ContentInput, current?: PrescriptionContent): PrescriptionContent {
  const problems = new Problems();
  const base: PrescriptionContent = current ?? {
    medications: [],
    diagnosis: null,
    notes: null,
    patientDetails: { weightKg: null, allergies: [] },
  };
  const out: PrescriptionContent = { ...base };
  if (input.medications !== undefined) {
    if (!Array.isArray(input.medications) || input.medications.length > MAX_MEDICATIONS) {
      problems.add('medications', `must be a list of at most ${MAX_MEDICATIONS} medications`);
    } else {
      out.medications = input.medications.map((m, i) => medication(m, `medications.${i}`, problems));
    }
  }
  if (input.diagnosis !== undefined) out.diagnosis = text(input.diagnosis, 'diagnosis', MAX_TEXT, problems, false);
  if (input.notes !== undefined) out.notes = text(input.notes, 'notes', MAX_TEXT, problems, false);
  if (input.patientDetails !== undefined) out.patientDetails = patientDetails(input.patientDetails, problems);
  throwIfAny(problems);
  return out;
}

/** What a structured prescription needs before it is signed. */
export function assertSignable(content: PrescriptionContent): void {
  if (!content.medications.length)
    throw DomainError.invalid('medications', 'must list at least one medication to sign');
}

function throwIfAny(problems: Problems): void {
  if (!problems.list.length) return;
  const [first] = problems.list;
  const more = problems.list.length > 1 ? ` (and ${problems.list.length - 1} more)` : '';
  throw new DomainError(ErrorCode.VALIDATION_FAILED, `${first.field}: ${first.problem}${more}`, {
    reason: 'INVALID_INPUT',
    details: problems.list,
  });
}
