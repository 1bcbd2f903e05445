import { Injectable } from '@nestjs/common';
import { ClinicalEvents, PrescriptionKind, PrescriptionStatus, type PrescriptionView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { CareAppointments } from '../../../care/care-appointments';
import { requirePrescribable } from '../../appointment-rules';
import { PrescriptionAccess, refuseUnlessDraft } from '../../prescription-access';
import { PrescriptionChanges } from '../../prescription-changes';
import { assertSignable } from '../../prescription-content';
import { PrescriptionSources } from '../../prescription-sources';
import { eventBase, toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';
import { doctorSnapshot, patientSnapshot } from '../../snapshots';
import { newVerificationCode } from '../../verification-code';

const CODE_ATTEMPTS = 5;

/**
 * The author signs a draft, exactly once: the patient and the doctor are frozen as they are now
 * (identity, scheduling, the medical record), a verification code is reserved, and the prescription becomes SIGNED
 * with its `prescription.issued` event in one conditional write on the draft's version. Of two
 * signatures at once one applies; the other finds it signed (409 PRESCRIPTION_SIGNED).
 */
@Injectable()
export class SignPrescription {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
    private readonly changes: PrescriptionChanges,
    private readonly appointments: CareAppointments,
    private readonly sources: PrescriptionSources,
    private readonly clock: Clock,
  ) {}

  async execute(q: { id: string }, meta: RequestMeta): Promise<PrescriptionView> {
    const caller = requireCaller(meta);
    const p = this.access.requireAuthor(caller, await this.store.load(q.id));
    refuseUnlessDraft(p);
    const appointment = requirePrescribable(await this.appointments.get(p.appointmentId), caller.doctorProfileId);
    const [person, doctor, record] = await Promise.all([
      this.sources.patient(p.patientId, p.dependentId),
      this.sources.doctor(p.doctorId, appointment.clinicId, meta),
      this.sources.record(p.patientId, p.dependentId),
    ]);
    const at = this.clock.now();
    const code = await this.reserveCode(p._id, at);
    const done = await this.changes.apply(p._id, (current) => {
      refuseUnlessDraft(current);
      if (current.kind === PrescriptionKind.STRUCTURED) assertSignable(current.content);
      const signed = { ...current, signedAt: at };
      return {
        set: {
          status: PrescriptionStatus.SIGNED,
          signedAt: at,
          verificationCode: code,
          patient: patientSnapshot(current, person, current.content, record, at),
          doctor: doctorSnapshot(doctor.profile, doctor.clinic),
        },
        events: [
          createEvent(
            ClinicalEvents.prescriptionIssued,
            current._id,
            { ...eventBase(signed), issuedAt: at.toISOString() },
            origin(meta.requestId),
            at,
          ),
        ],
      };
    });
    return toPrescriptionView(done);
  }

  /** A fresh code no prescription holds (a clash, about 2^-59 a try, draws again). */
  private async reserveCode(prescriptionId: string, at: Date): Promise<string> {
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const code = newVerificationCode();
      if (await this.store.claimCode(code, prescriptionId, at)) return code;
    }
    throw DomainError.conflict('Could not reserve a verification code; retry', 'CONCURRENT_CHANGE');
  }
}
