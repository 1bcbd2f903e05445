import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DOCTOR_MODEL, type DoctorDoc } from './doctor.schema';

/** What this service knows of each doctor profile (keyed by the profile id). */
@Injectable()
export class DoctorsRepository {
  constructor(@InjectModel(DOCTOR_MODEL) private readonly doctors: Model<DoctorDoc>) {}

  findById(doctorId: string): Promise<DoctorDoc | null> {
    return this.doctors.findById(doctorId).lean<DoctorDoc>();
  }

  /** Stores what is known of a profile (created when first seen). */
  async save(doctorId: string, entry: Omit<DoctorDoc, '_id'>): Promise<void> {
    await this.doctors.updateOne({ _id: doctorId }, { $set: entry }, { upsert: true });
  }
}
