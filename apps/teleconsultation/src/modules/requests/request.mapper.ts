import type { ConsultationRequestEventBase, ConsultationRequestView } from '@telehealth/contracts';
import { readableNumber } from '../../common/readable-number';
import type { ConsultationRequestDoc } from './consultation-request.schema';

export function toRequestView(r: ConsultationRequestDoc): ConsultationRequestView {
  return {
    id: r._id,
    number: r.number,
    patientId: r.patientId,
    dependentId: r.dependentId,
    specialtyCode: r.specialtyCode,
    symptoms: r.symptoms,
    callType: r.callType,
    fee: { amountMinor: r.feeMinor, currency: r.currency },
    status: r.status,
    expiresAt: r.expiresAt.toISOString(),
    acceptedBy: r.acceptedBy,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    consultationId: r.consultationId,
    failureReason: r.failureReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function requestEventBase(
  r: Pick<
    ConsultationRequestDoc,
    '_id' | 'number' | 'patientId' | 'specialtyCode' | 'callType' | 'feeMinor' | 'currency' | 'status' | 'expiresAt'
  >,
): ConsultationRequestEventBase {
  return {
    requestId: r._id,
    number: r.number,
    patientId: r.patientId,
    specialtyCode: r.specialtyCode,
    callType: r.callType,
    fee: { amountMinor: r.feeMinor, currency: r.currency },
    status: r.status,
    expiresAt: r.expiresAt.toISOString(),
  };
}

/** ODC-<yyyymmdd>-<6 characters from the id>. */
export const requestNumberOf = (id: string, at: Date): string => readableNumber('ODC', id, at);
