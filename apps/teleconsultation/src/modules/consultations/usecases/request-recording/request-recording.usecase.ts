import { Injectable } from '@nestjs/common';
import type { ConsultationView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { RecordingConsents } from '../../../consents/recording-consents';
import { requireRelation, requireVisible } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import { toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';

/**
 * Recording is off unless the doctor asks, and the doctor may ask only when the patient has
 * consented (CALL_RECORDING, recorded with identity). The session keeps when each happened.
 */
@Injectable()
export class RequestRecording {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly consents: RecordingConsents,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationView> {
    const caller = requireCaller(meta);
    const { s, relation } = requireVisible(caller, await this.store.load(id));
    requireRelation(relation, ['doctor'], 'record');
    const consentedAt = await this.consents.grantedAt(s.patientId);
    if (!consentedAt)
      throw DomainError.unprocessable(
        'The patient has not consented to call recording (consent CALL_RECORDING)',
        'RECORDING_CONSENT_REQUIRED',
      );
    const at = this.clock.now();
    const done = await this.changes.apply(id, Action.NOTE, (c) =>
      c.recording.requested ? null : { set: { recording: { requested: true, requestedAt: at, consentedAt } } },
    );
    return toConsultationView(done);
  }
}
