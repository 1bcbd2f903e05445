import { Injectable } from '@nestjs/common';
import {
  ClinicalResourceKind,
  EntrySource,
  type AddPatientEntriesRequest,
  type MedicalRecordView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { CareAppointments } from '../../../care/care-appointments';
import { ClinicalAccess } from '../../../care/clinical-access';
import { TREATED } from '../../../care/care-relationships';
import { MedicalRecordStore, recordIdOf } from '../../medical-record.store';
import { RecordCodec } from '../../record-codec';
import { sectionsIn } from '../../record-entries';

/** A doctor adds what a consultation found (a diagnosis, an allergy, vitals) to the patient's record. */
@Injectable()
export class AddPatientEntries {
  constructor(
    private readonly appointments: CareAppointments,
    private readonly store: MedicalRecordStore,
    private readonly codec: RecordCodec,
    private readonly access: ClinicalAccess,
    private readonly clock: Clock,
  ) {}

  async execute(req: AddPatientEntriesRequest, meta: RequestMeta): Promise<MedicalRecordView> {
    const caller = requireCaller(meta);
    const dependentId = req.dependentId ?? null;
    const appt = await this.appointments.get(req.appointmentId);
    // Only from the caller's own appointment with this very patient (or dependent).
    if (
      !appt ||
      !caller.doctorProfileId ||
      appt.doctorId !== caller.doctorProfileId ||
      appt.patientId !== req.patientId ||
      appt.dependentId !== dependentId
    )
      throw DomainError.notFound('Appointment');
    if (!TREATED.includes(appt.status))
      throw DomainError.conflict(`The appointment is ${appt.status}`, 'APPOINTMENT_NOT_ACTIVE');
    const sections = sectionsIn(req);
    if (sections.length === 0) throw DomainError.invalid('conditions', 'give at least one entry in some section');
    const author = {
      source: EntrySource.DOCTOR,
      addedBy: caller.userId,
      doctorId: caller.doctorProfileId,
      appointmentId: appt._id,
      addedAt: this.clock.now(),
    };
    const added = sections.flatMap(([section, items]) => this.store.entries(section, items, author));
    // The answer shows the whole record: a read, logged like any other.
    await this.access.read(caller, {
      patientId: req.patientId,
      dependentId,
      kind: ClinicalResourceKind.MEDICAL_RECORD,
      id: recordIdOf(req.patientId, dependentId),
    });
    const r = await this.store.change(req.patientId, dependentId, (current) => ({
      entries: this.store.withAdded(current.entries, added),
    }));
    return this.codec.view(r, req.patientId, dependentId);
  }
}
