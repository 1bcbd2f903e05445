import { Injectable } from '@nestjs/common';
import { PrescriptionStatus, PrescriptionValidity, type PrescriptionVerificationView } from '@telehealth/contracts';
import { PrescriptionStore } from '../../prescription.store';
import { canonicalCode } from '../../verification-code';

/**
 * Public (a pharmacist, no account): whether a code names an issued prescription, a cancelled
 * one, or none; when it was issued and by whom (name, registration number). Nothing about the
 * patient or what was prescribed.
 */
@Injectable()
export class VerifyPrescription {
  constructor(private readonly store: PrescriptionStore) {}

  async execute(q: { code: string }): Promise<PrescriptionVerificationView> {
    const code = canonicalCode(q.code);
    const p = code ? await this.store.byCode(code) : null;
    if (!code || !p || p.status === PrescriptionStatus.DRAFT)
      return {
        code: code ?? String(q.code ?? '').slice(0, 40),
        status: PrescriptionValidity.UNKNOWN,
        issuedAt: null,
        doctorName: null,
        registrationNumber: null,
      };
    return {
      code,
      status: p.status === PrescriptionStatus.CANCELLED ? PrescriptionValidity.CANCELLED : PrescriptionValidity.VALID,
      issuedAt: p.signedAt ? p.signedAt.toISOString() : null,
      doctorName: p.doctor?.name ?? null,
      registrationNumber: p.doctor?.registrationNumber ?? null,
    };
  }
}
