import { Injectable } from '@nestjs/common';
import { ConsultationRequestStatus, TeleconsultationEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { origin } from '../../../../common/origin';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { requestEventBase } from '../../request.mapper';

/**
 * wallet-claims held the request's fee (it opens to the specialty's doctors) or could not (it
 * fails, saying why). A request that expired or was withdrawn meanwhile stays so; its fee is
 * released by wallet-claims, which saw that end first or sees it next.
 */
@Injectable()
export class RecordRequestPayment {
  constructor(private readonly store: ConsultationRequestStore) {}

  async execute(o: { requestId: string; paid: boolean; message?: string; correlationId: string }): Promise<void> {
    const from = [ConsultationRequestStatus.PENDING_PAYMENT];
    if (!o.paid) {
      await this.store.move(
        o.requestId,
        from,
        { status: ConsultationRequestStatus.PAYMENT_FAILED, failureReason: o.message ?? 'The payment failed' },
        () => [],
      );
      return;
    }
    await this.store.move(o.requestId, from, { status: ConsultationRequestStatus.OPEN }, (before) => [
      createEvent(
        TeleconsultationEvents.requestOpened,
        o.requestId,
        requestEventBase({ ...before, status: ConsultationRequestStatus.OPEN }),
        origin(o.correlationId),
      ),
    ]);
  }
}
