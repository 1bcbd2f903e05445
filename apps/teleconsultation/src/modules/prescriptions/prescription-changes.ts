import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { Prescription, PrescriptionSet } from './prescription';
import { PrescriptionStore } from './prescription.store';

/** What a use case wants done to the prescription it was shown; null: nothing. */
export interface PrescriptionPlan {
  set: PrescriptionSet;
  events?: EventEnvelope[];
}

const MAX_ATTEMPTS = 20;

/**
 * The one way a prescription changes: the use case decides on the version it is shown (and
 * refuses what that state forbids), the store applies the decision only to that version, and a
 * decision that lost a race is made again on the new state. So of a sign and an edit racing, the
 * edit either lands before the signature (and is signed) or is refused after it.
 */
@Injectable()
export class PrescriptionChanges {
  constructor(private readonly store: PrescriptionStore) {}

  async apply(id: string, plan: (p: Prescription) => PrescriptionPlan | null): Promise<Prescription> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const p = await this.store.load(id);
      if (!p) throw DomainError.notFound('Prescription');
      const decided = plan(p);
      if (!decided) return p;
      const done = await this.store.update(p, decided.set, decided.events);
      if (done) return done;
    }
    throw DomainError.conflict(`Prescription ${id} changed at the same moment; reload and retry`, 'CONCURRENT_CHANGE');
  }
}
