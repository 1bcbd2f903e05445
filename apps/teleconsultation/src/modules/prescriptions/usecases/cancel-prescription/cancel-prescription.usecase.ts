import { Injectable } from '@nestjs/common';
import {
  ClinicalEvents,
  PrescriptionStatus,
  type CancelPrescriptionRequest,
  type PrescriptionView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { PrescriptionAccess } from '../../prescription-access';
import { PrescriptionChanges } from '../../prescription-changes';
import { eventBase, toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';

const MAX_REASON = 500;

/**
 * The author cancels a prescription with a reason; it is never deleted: it stays readable,
 * marked CANCELLED, and its verification code answers CANCELLED. An issued one announces
 * `prescription.cancelled` (the patient is told); a draft is only set aside.
 */
@Injectable()
export class CancelPrescription {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
    private readonly changes: PrescriptionChanges,
    private readonly clock: Clock,
  ) {}

  async execute(q: CancelPrescriptionRequest, meta: RequestMeta): Promise<PrescriptionView> {
    const caller = requireCaller(meta);
    const reason = typeof q.reason === 'string' ? q.reason.trim() : '';
    if (!reason || reason.length > MAX_REASON)
      throw DomainError.invalid('reason', `must say why, in 1 to ${MAX_REASON} characters`);
    const p = this.access.requireAuthor(caller, await this.store.load(q.id));
    const at = this.clock.now();
    const done = await this.changes.apply(p._id, (current) => {
      if (current.status === PrescriptionStatus.CANCELLED)
        throw DomainError.conflict(`Prescription ${current.number} was already cancelled`, 'PRESCRIPTION_CANCELLED');
      const issued = current.status === PrescriptionStatus.SIGNED && current.signedAt;
      return {
        set: { status: PrescriptionStatus.CANCELLED, cancelledAt: at, cancellationReason: reason },
        events: issued
          ? [
              createEvent(
                ClinicalEvents.prescriptionCancelled,
                current._id,
                { ...eventBase(current), issuedAt: issued.toISOString(), cancelledAt: at.toISOString() },
                origin(meta.requestId),
                at,
              ),
            ]
          : [],
      };
    });
    return toPrescriptionView(done);
  }
}
