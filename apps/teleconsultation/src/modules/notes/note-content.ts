import { Injectable } from '@nestjs/common';
import type { ConsultationNoteView, NoteContent } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { MedicalCipher } from '../../common/medical-cipher';
import type { NoteDoc } from './note.schema';

/** ICD-10 (WHO and ICD-10-CM): a letter, two characters, optionally a dot and up to four more. */
export const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export const EMPTY_NOTE: NoteContent = {
  subjective: null,
  objective: null,
  assessment: null,
  plan: null,
  diagnoses: [],
  followUp: null,
  followUpInDays: null,
};

/** The fields of a note's content a request may set (others in the request are ignored). */
export function contentOf(input: Partial<NoteContent>, base: NoteContent = EMPTY_NOTE): NoteContent {
  const pick = <K extends keyof NoteContent>(k: K): NoteContent[K] => (input[k] === undefined ? base[k] : input[k]);
  const next: NoteContent = {
    subjective: pick('subjective'),
    objective: pick('objective'),
    assessment: pick('assessment'),
    plan: pick('plan'),
    diagnoses: (pick('diagnoses') ?? []).map((d) => ({ code: d.code ?? null, description: d.description })),
    followUp: pick('followUp'),
    followUpInDays: pick('followUpInDays'),
  };
  next.diagnoses.forEach((d, i) => {
    if (d.code !== null && !ICD10.test(d.code))
      throw DomainError.invalid(`diagnoses[${i}].code`, 'must be an ICD-10 code such as J06.9');
  });
  return next;
}

/** Signing needs an assessment or at least one diagnosis: a note that concludes nothing is not final. */
export function requireSignable(c: NoteContent): void {
  if (!c.assessment?.trim() && c.diagnoses.length === 0)
    throw DomainError.unprocessable('A note needs an assessment or a diagnosis before it is signed', 'NOTE_INCOMPLETE');
}

/** A note at rest and in views: its content one encrypted JSON field, each addendum's text and reason encrypted. */
@Injectable()
export class NoteCodec {
  constructor(private readonly cipher: MedicalCipher) {}

  seal(c: NoteContent): string {
    return this.cipher.encrypt(JSON.stringify(c));
  }

  sealText(text: string): string {
    return this.cipher.encrypt(text);
  }

  open(stored: string): NoteContent {
    return { ...EMPTY_NOTE, ...(JSON.parse(this.cipher.decrypt(stored) ?? '{}') as NoteContent) };
  }

  view(n: NoteDoc): ConsultationNoteView {
    return {
      id: n._id,
      appointmentId: n.appointmentId,
      patientId: n.patientId,
      dependentId: n.dependentId,
      doctorId: n.doctorId,
      status: n.status,
      version: n.version,
      ...this.open(n.content),
      addenda: n.addenda.map((a) => ({
        id: a._id,
        authorId: a.authorId,
        text: this.cipher.decrypt(a.text) ?? '',
        reason: this.cipher.decrypt(a.reason) ?? '',
        at: a.at.toISOString(),
      })),
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
      signedAt: n.signedAt?.toISOString() ?? null,
    };
  }
}
