import { Injectable } from '@nestjs/common';
import { TeleconsultationEvents, type ConsultationView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { requireRelation, requireVisible } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import { eventBase, toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';
import { origin } from '../../../../common/origin';

/** The doctor lets the patient in from the lobby; the patient's next join token can publish. Once. */
@Injectable()
export class AdmitPatient {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationView> {
    const caller = requireCaller(meta);
    const { relation } = requireVisible(caller, await this.store.load(id));
    requireRelation(relation, ['doctor'], 'admit the patient to');
    const at = this.clock.now();
    const done = await this.changes.apply(id, Action.ADMIT, (s) =>
      s.lobby.admittedAt
        ? null
        : {
            set: { lobby: { patientWaiting: false, admittedAt: at } },
            events: (to) => [
              createEvent(
                TeleconsultationEvents.consultationAdmitted,
                s._id,
                { ...eventBase(s, to), admittedAt: at.toISOString() },
                origin(meta.requestId),
              ),
            ],
          },
    );
    return toConsultationView(done);
  }
}
