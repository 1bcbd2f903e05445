import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/persistence';
import { DOCTOR_MODEL, type DoctorDoc } from './doctor.schema';

/** Doctors as scheduling last described them (names for sessions, specialties for on-demand requests). */
@Injectable()
export class DoctorDirectory {
  constructor(@InjectModel(DOCTOR_MODEL) private readonly doctors: Model<DoctorDoc>) {}

  /** Records `doc` unless a newer description is already held (events may arrive out of order). */
  async record(doc: DoctorDoc): Promise<void> {
    try {
      await this.doctors.updateOne({ _id: doc._id, asOf: { $lt: doc.asOf } }, { $set: doc }, { upsert: true });
    } catch (err) {
      // The upsert met a newer document (its asOf is later): that one stands.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  get(id: string): Promise<DoctorDoc | null> {
    return this.doctors.findById(id).lean<DoctorDoc>().exec();
  }

  /** "Dr First Last", or null when the doctor is not known yet. */
  async displayName(id: string): Promise<string | null> {
    const d = await this.get(id);
    return d ? `Dr ${d.firstName} ${d.lastName}`.trim() : null;
  }
}
