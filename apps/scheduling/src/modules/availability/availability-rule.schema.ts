import { Schema } from 'mongoose';
import { SlotMode, type Money } from '@telehealth/contracts';
import { bumpsSlotInputs } from './slot-inputs-version';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const AVAILABILITY_RULE_MODEL = 'AvailabilityRule';

/** Seed 001 doctor_slots / seed 003 availability: a weekly recurring window of bookable slots. */
export interface AvailabilityRuleDoc extends OutboxFields {
  _id: string;
  doctorId: string;
  clinicId: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  maxPatients: number;
  fee: Money | null;
  mode: SlotMode;
  validFrom: string | null;
  validTo: string | null;
  /** Removing a rule deactivates it (bookings made under it keep their history). */
  active: boolean;
  /**
   * Edits of the rule so far (absent on older documents: 0). A booking under the rule counts
   * itself only if the revision is still the one its slot was computed from.
   */
  revision?: number;
  /**
   * Bookings made under the rule (absent: 0). An edit or removal is written only if no booking
   * counted itself since the edit's strand check: the booking and the edit contend on this one
   * document, so one of them loses (see StrandGuard).
   */
  bookings?: number;
  createdAt: Date;
  updatedAt: Date;
}

export const AvailabilityRuleSchema = new Schema<AvailabilityRuleDoc>(
  {
    _id: { type: String, required: true },
    doctorId: { type: String, required: true },
    clinicId: { type: String, default: null },
    weekday: { type: Number, required: true },
    startTime: { type: String, required: true },
    endTime: { type: String, required: true },
    slotMinutes: { type: Number, required: true },
    maxPatients: { type: Number, required: true },
    fee: {
      type: new Schema<Money>(
        { amountMinor: { type: Number, required: true }, currency: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
    mode: { type: String, enum: Object.values(SlotMode), required: true },
    validFrom: { type: String, default: null },
    validTo: { type: String, default: null },
    active: { type: Boolean, default: true },
    revision: { type: Number, default: 0 },
    bookings: { type: Number, default: 0 },
  },
  { collection: 'availability_rules', timestamps: true, versionKey: false },
);
AvailabilityRuleSchema.index({ doctorId: 1, active: 1, weekday: 1 });
AvailabilityRuleSchema.plugin(bumpsSlotInputs);
/** Its changes are announced with the change (outbox). */
addOutbox(AvailabilityRuleSchema);
