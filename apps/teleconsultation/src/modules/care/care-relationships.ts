import { Injectable } from '@nestjs/common';
import { AppointmentStatus } from '@telehealth/contracts';
import { Clock } from '@telehealth/service-kit';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { CareAppointments } from './care-appointments';

/** What clinical data is written about (notes, prescriptions, record entries): a visit booked, under way or held. */
export const TREATED = [AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED];

/** Booked and not yet over: the doctor prepares for it. */
const UPCOMING = [AppointmentStatus.PENDING_CONFIRMATION, AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS];

/**
 * Whether a doctor treats a patient now: an appointment between them that is upcoming, in
 * progress, or completed within CARE_RELATIONSHIP_DAYS. Nothing else (a cancelled booking, an
 * old visit) opens a patient's clinical data to a doctor.
 */
@Injectable()
export class CareRelationships {
  constructor(
    private readonly appointments: CareAppointments,
    private readonly config: TeleconsultationConfig,
    private readonly clock: Clock,
  ) {}

  async doctorMayAccess(doctorProfileId: string, patientId: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - this.config.CARE_RELATIONSHIP_DAYS * 86_400_000);
    const found = await this.appointments.findOne({
      doctorId: doctorProfileId,
      patientId,
      $or: [{ status: { $in: UPCOMING } }, { status: AppointmentStatus.COMPLETED, end: { $gte: since } }],
    });
    return found !== null;
  }
}
