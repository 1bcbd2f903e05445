import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AppointmentEventBase, EventEnvelope } from '@telehealth/contracts';
import { isDuplicateKey } from '@telehealth/persistence';
import type { Model } from 'mongoose';
import { CARE_APPOINTMENT_MODEL, type CareAppointmentDoc } from './care-appointment.schema';

/** The appointments read model: recorded from every appointment event, newest description wins. */
@Injectable()
export class CareAppointments {
  constructor(@InjectModel(CARE_APPOINTMENT_MODEL) private readonly appointments: Model<CareAppointmentDoc>) {}

  async record(e: EventEnvelope<AppointmentEventBase>): Promise<void> {
    const a = e.payload;
    const doc: CareAppointmentDoc = {
      _id: a.appointmentId,
      patientId: a.patientId,
      dependentId: a.dependentId ?? null,
      doctorId: a.doctorId,
      organisationId: a.organisationId ?? null,
      clinicId: a.clinicId ?? null,
      mode: a.mode,
      start: new Date(a.start),
      end: new Date(a.end),
      status: a.status,
      asOf: new Date(e.occurredAt),
    };
    try {
      // Events arrive in any order and more than once: only a description at least as new replaces.
      await this.appointments.updateOne({ _id: doc._id, asOf: { $lte: doc.asOf } }, { $set: doc }, { upsert: true });
    } catch (err) {
      // The upsert met a newer description (its asOf is later): that one stands.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  get(appointmentId: string): Promise<CareAppointmentDoc | null> {
    return this.appointments.findById(appointmentId).lean<CareAppointmentDoc>().exec();
  }

  /** The latest appointment between a doctor and a patient that satisfies `statuses`/`endedAfter`. */
  findOne(filter: Record<string, unknown>): Promise<CareAppointmentDoc | null> {
    return this.appointments.findOne(filter).sort({ end: -1 }).lean<CareAppointmentDoc>().exec();
  }
}
