import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClinicalReader, type Caller } from '@telehealth/contracts';
import type { Model } from 'mongoose';
import type { FileLinkReader } from '../files/file-access.policy';
import { PRESCRIPTION_MODEL, type PrescriptionDoc } from './prescription.schema';

/** The link kind an uploaded prescription's file is recorded under. */
export const PRESCRIPTION_LINK = 'prescription';

/**
 * The file of an uploaded prescription is read like the prescription: by its author, and by its
 * patient once it is signed (a draft stays the author's). Admins and treating doctors reach it
 * through ClinicalAccess first (FileAccessPolicyImpl).
 */
@Injectable()
export class PrescriptionFileReader implements FileLinkReader {
  readonly kind = PRESCRIPTION_LINK;

  constructor(@InjectModel(PRESCRIPTION_MODEL) private readonly prescriptions: Model<PrescriptionDoc>) {}

  async mayRead(prescriptionId: string, caller: Caller): Promise<ClinicalReader | null> {
    const p = await this.prescriptions.findById(prescriptionId, { outbox: 0 }).lean<PrescriptionDoc>().exec();
    if (!p) return null;
    if (caller.doctorProfileId && caller.doctorProfileId === p.doctorId) return ClinicalReader.DOCTOR;
    if (caller.userId === p.patientId && p.signedAt) return ClinicalReader.PATIENT;
    return null;
  }
}
