import { Injectable } from '@nestjs/common';
import { ConsultationRequestStatus, TeleconsultationEvents } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { origin } from '../../../../common/origin';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { requestEventBase } from '../../request.mapper';

/** Its deadline passed with no doctor: the request expires and wallet-claims releases the fee. Taken or withdrawn first: nothing. */
@Injectable()
export class ExpireRequest {
  constructor(private readonly store: ConsultationRequestStore) {}

  async execute(id: string): Promise<void> {
    await this.store.move(
      id,
      [ConsultationRequestStatus.PENDING_PAYMENT, ConsultationRequestStatus.OPEN],
      { status: ConsultationRequestStatus.EXPIRED },
      (before) => [
        createEvent(
          TeleconsultationEvents.requestExpired,
          id,
          requestEventBase({ ...before, status: ConsultationRequestStatus.EXPIRED }),
          origin(),
        ),
      ],
    );
  }
}
