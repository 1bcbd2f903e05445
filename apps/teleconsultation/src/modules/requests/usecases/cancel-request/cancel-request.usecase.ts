import { Injectable } from '@nestjs/common';
import { ConsultationRequestStatus, TeleconsultationEvents, type ConsultationRequestView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { origin } from '../../../../common/origin';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { notOpen, requireVisibleRequest } from '../../request-access';
import { requestEventBase, toRequestView } from '../../request.mapper';

const WITHDRAWABLE = [ConsultationRequestStatus.PENDING_PAYMENT, ConsultationRequestStatus.OPEN];

/** The patient withdraws a request no doctor has taken; wallet-claims releases the held fee. */
@Injectable()
export class CancelRequest {
  constructor(private readonly store: ConsultationRequestStore) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationRequestView> {
    const caller = requireCaller(meta);
    const { r, relation } = requireVisibleRequest(caller, await this.store.load(id), null);
    if (relation !== 'patient') throw DomainError.forbidden('Only the patient may withdraw the request');
    const done = await this.store.move(id, WITHDRAWABLE, { status: ConsultationRequestStatus.CANCELLED }, (before) => [
      createEvent(
        TeleconsultationEvents.requestCancelled,
        id,
        requestEventBase({ ...before, status: ConsultationRequestStatus.CANCELLED }),
        origin(meta.requestId),
      ),
    ]);
    if (!done) throw notOpen((await this.store.load(id)) ?? r);
    return toRequestView(done);
  }
}
