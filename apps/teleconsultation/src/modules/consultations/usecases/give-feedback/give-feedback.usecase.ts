import { Injectable } from '@nestjs/common';
import type { ConsultationView, FeedbackRequest } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { requireRelation, requireVisible } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import { toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';

/**
 * Feedback both ways after the call (seed 001 `feedback`): the doctor and the patient each rate
 * it 1-5 with a comment, once: the change is applied only on the version that had none, so two
 * racing submissions from one side leave exactly one.
 */
@Injectable()
export class GiveFeedback {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly clock: Clock,
  ) {}

  async execute(q: FeedbackRequest, meta: RequestMeta): Promise<ConsultationView> {
    const caller = requireCaller(meta);
    const { relation } = requireVisible(caller, await this.store.load(q.id));
    requireRelation(relation, ['doctor', 'patient'], 'rate');
    const side = relation as 'doctor' | 'patient';
    if (!Number.isInteger(q.rating) || q.rating < 1 || q.rating > 5)
      throw DomainError.invalid('rating', 'must be a whole number from 1 to 5');
    const at = this.clock.now();
    const done = await this.changes.apply(q.id, Action.FEEDBACK, (s) => {
      if (s.feedback[side])
        throw DomainError.conflict(`The ${side} has already rated this consultation`, 'ALREADY_RATED');
      return { set: { [`feedback.${side}`]: { rating: q.rating, comment: q.comment?.trim() || null, at } } };
    });
    return toConsultationView(done);
  }
}
