import { Injectable } from '@nestjs/common';
import {
  PrescriptionKind,
  PrescriptionStatus,
  type AccessReason,
  type PrescriptionPdfView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { TeleconsultationConfig } from '../../../../config/teleconsultation.config';
import { PrescriptionAccess } from '../../prescription-access';
import { renderPrescriptionPdf } from '../../prescription-pdf';
import { PrescriptionStore } from '../../prescription.store';

/** The printable PDF of a signed (or cancelled, marked so) structured prescription, to whoever may read it. */
@Injectable()
export class RenderPrescriptionPdf {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
    private readonly config: TeleconsultationConfig,
  ) {}

  async execute(q: { id: string } & AccessReason, meta: RequestMeta): Promise<PrescriptionPdfView> {
    const caller = requireCaller(meta);
    const p = await this.access.read(caller, await this.store.load(q.id), q.accessReason);
    if (p.status === PrescriptionStatus.DRAFT)
      throw DomainError.conflict(`Prescription ${p.number} is a draft: sign it to print it`, 'PRESCRIPTION_NOT_SIGNED');
    if (p.kind === PrescriptionKind.UPLOADED)
      throw DomainError.conflict('An uploaded prescription is its file: download the file', 'PRESCRIPTION_KIND');
    const url = `${this.config.PRESCRIPTION_VERIFY_URL}/${p.verificationCode}`;
    const pdf = await renderPrescriptionPdf(p, url);
    return { fileName: `${p.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
  }
}
