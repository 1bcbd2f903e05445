import { Injectable } from '@nestjs/common';
import { AppointmentStatus, type Caller, type OpenThreadRequest, type ThreadView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { CareAppointments } from '../../../care/care-appointments';
import { CareRelationships } from '../../../care/care-relationships';
import { sideOf } from '../../thread-access';
import { toThreadView } from '../../thread.mapper';
import { ThreadStore, type CareParty } from '../../thread.store';

/** Appointments that make a care relationship a patient may write in: booked and not refused or lapsed. */
const HAD_APPOINTMENT = [
  AppointmentStatus.PENDING_CONFIRMATION,
  AppointmentStatus.CONFIRMED,
  AppointmentStatus.IN_PROGRESS,
  AppointmentStatus.COMPLETED,
  AppointmentStatus.NO_SHOW,
];

/**
 * Opens the thread of a care relationship, or finds the one that exists (one per pair: two opens
 * at once give one thread). A patient opens it with a doctor or an organisation they have had an
 * appointment with; a doctor with a patient they have a care relationship with; organisation staff
 * with a patient of their organisation.
 */
@Injectable()
export class OpenThread {
  constructor(
    private readonly store: ThreadStore,
    private readonly appointments: CareAppointments,
    private readonly relationships: CareRelationships,
    private readonly clock: Clock,
  ) {}

  async execute(q: OpenThreadRequest, meta: RequestMeta): Promise<ThreadView> {
    const caller = requireCaller(meta);
    const { patientId, care } = await this.relationshipOf(caller, q);
    const { doc } = await this.store.open(patientId, care, caller.userId, this.clock.now());
    return toThreadView(doc, caller, sideOf(caller, doc));
  }

  private async relationshipOf(caller: Caller, q: OpenThreadRequest): Promise<{ patientId: string; care: CareParty }> {
    if (!q.patientId || q.patientId === caller.userId) {
      // The patient writes to their doctor or their provider organisation.
      if (!!q.doctorId === !!q.organisationId)
        throw DomainError.invalid('doctorId', 'name either a doctor (doctorId) or an organisation (organisationId)');
      const care: CareParty = q.doctorId ? { doctorId: q.doctorId } : { organisationId: q.organisationId as string };
      const had = await this.appointments.findOne({
        patientId: caller.userId,
        ...care,
        status: { $in: HAD_APPOINTMENT },
      });
      if (!had)
        throw DomainError.forbidden(
          q.doctorId
            ? 'You can write to a doctor you have had an appointment with'
            : 'You can write to a provider you have had an appointment with',
        );
      return { patientId: caller.userId, care };
    }
    if (q.doctorId) throw DomainError.invalid('doctorId', 'a doctor opens a thread with a patient (patientId) only');
    if (q.organisationId) {
      // Staff write for their organisation, to one of its patients.
      const mayWrite =
        caller.organisationIds.includes(q.organisationId) &&
        !!(await this.appointments.findOne({
          patientId: q.patientId,
          organisationId: q.organisationId,
          status: { $in: HAD_APPOINTMENT },
        }));
      if (!mayWrite) throw DomainError.notFound('Patient');
      return { patientId: q.patientId, care: { organisationId: q.organisationId } };
    }
    const doctorId = caller.doctorProfileId;
    if (!doctorId || !(await this.relationships.doctorMayAccess(doctorId, q.patientId)))
      throw DomainError.notFound('Patient');
    return { patientId: q.patientId, care: { doctorId } };
  }
}
