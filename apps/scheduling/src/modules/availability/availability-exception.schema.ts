import { Schema } from 'mongoose';
import { ExceptionKind, SlotMode } from '@telehealth/contracts';
import { bumpsSlotInputs } from './slot-inputs-version';

export const AVAILABILITY_EXCEPTION_MODEL = 'AvailabilityException';

/** Seed 003 availability exceptions: a blocked period or extra hours on one local date. */
export interface AvailabilityExceptionDoc {
  _id: string;
  doctorId: string;
  clinicId: string | null;
  date: string;
  kind: ExceptionKind;
  startTime: string | null;
  endTime: string | null;
  slotMinutes: number | null;
  maxPatients: number | null;
  mode: SlotMode | null;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AvailabilityExceptionSchema = new Schema<AvailabilityExceptionDoc>(
  {
    _id: { type: String, required: true },
    doctorId: { type: String, required: true },
    clinicId: { type: String, default: null },
    date: { type: String, required: true },
    kind: { type: String, enum: Object.values(ExceptionKind), required: true },
    startTime: { type: String, default: null },
    endTime: { type: String, default: null },
    slotMinutes: { type: Number, default: null },
    maxPatients: { type: Number, default: null },
    mode: { type: String, enum: [...Object.values(SlotMode), null], default: null },
    reason: { type: String, default: null },
  },
  { collection: 'availability_exceptions', timestamps: true, versionKey: false },
);
AvailabilityExceptionSchema.index({ doctorId: 1, date: 1 });
AvailabilityExceptionSchema.plugin(bumpsSlotInputs);
