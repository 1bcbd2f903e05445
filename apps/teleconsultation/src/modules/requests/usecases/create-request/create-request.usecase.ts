import { Injectable } from '@nestjs/common';
import {
  ConsultationRequestStatus,
  Role,
  TeleconsultationEvents,
  type ConsultationRequestView,
  type CreateConsultationRequest,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock, IdGenerator } from '@telehealth/service-kit';
import { TeleconsultationConfig } from '../../../../config/teleconsultation.config';
import { origin } from '../../../../common/origin';
import { ConsultationRequestStore, type NewRequest } from '../../consultation-request.store';
import { RequestExpiry } from '../../request-expiry';
import { requestEventBase, requestNumberOf, toRequestView } from '../../request.mapper';

/**
 * A patient asks for a consultation now (seed 000 `telemedicine_requests`): the request waits for
 * its fee to be held on the wallet (wallet-claims answers `consultation-request.created`), then
 * online doctors of the specialty see it until one accepts or it expires.
 */
@Injectable()
export class CreateRequest {
  constructor(
    private readonly store: ConsultationRequestStore,
    private readonly expiry: RequestExpiry,
    private readonly config: TeleconsultationConfig,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(q: CreateConsultationRequest, meta: RequestMeta): Promise<ConsultationRequestView> {
    const caller = requireCaller(meta);
    if (!caller.roles.includes(Role.PATIENT)) throw DomainError.forbidden('Only patients ask for consultations');
    const symptoms = q.symptoms?.trim();
    if (!symptoms) throw DomainError.invalid('symptoms', 'must describe what the consultation is about');
    const now = this.clock.now();
    const id = this.ids.uuid();
    const doc: NewRequest = {
      _id: id,
      number: requestNumberOf(id, now),
      patientId: caller.userId,
      dependentId: q.dependentId ?? null,
      specialtyCode: q.specialtyCode,
      symptoms,
      callType: q.callType,
      feeMinor: this.config.ON_DEMAND_FEE_MINOR,
      currency: this.config.ON_DEMAND_CURRENCY,
      status: ConsultationRequestStatus.PENDING_PAYMENT,
      expiresAt: new Date(now.getTime() + this.config.ON_DEMAND_REQUEST_MINUTES * 60_000),
      acceptedBy: null,
      acceptedAt: null,
      consultationId: null,
      failureReason: null,
    };
    const created = await this.store.insert(doc, [
      createEvent(TeleconsultationEvents.requestCreated, id, requestEventBase(doc), origin(meta.requestId)),
    ]);
    if (!created) throw DomainError.conflict('The request changed at the same moment; retry', 'CONCURRENT_CHANGE');
    await this.expiry.schedule(id, doc.expiresAt);
    return toRequestView(created);
  }
}
