import { Schema } from 'mongoose';
import {
  AppointmentStatus,
  CallPreference,
  CancelledBy,
  ConsultationMode,
  PaymentStatus,
  type Money,
} from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';
import type { LogEntry } from '@telehealth/persistence';

export const APPOINTMENT_MODEL = 'Appointment';
export const TRANSITION_MODEL = 'AppointmentTransition';

/**
 * The current state of an appointment: a projection of its transition log (below), kept for
 * reads and lists. `version` counts applied transitions.
 */
export interface AppointmentDoc extends OutboxFields {
  _id: string;
  number: string;
  patientId: string;
  /** The client's Idempotency-Key, or `auto:<id>` when none was sent (unique per patient). */
  idempotencyKey: string;
  /** Hash of the booking request the key was first used with. */
  requestHash: string;
  dependentId: string | null;
  doctorId: string;
  /** The doctor's provider organisation, so its staff can see the schedule. */
  organisationId: string | null;
  clinicId: string | null;
  mode: ConsultationMode;
  slotId: string;
  seatClaimId: string | null;
  /** Place in the doctor's day when MAX_APPOINTMENTS_PER_DAY caps it. */
  dayClaimId: string | null;
  start: Date;
  end: Date;
  timeZone: string;
  status: AppointmentStatus;
  reason: string | null;
  symptoms: string | null;
  contactNumber: string | null;
  callPreference: CallPreference | null;
  /** How the fee is paid: held on the wallet, or by card through a provider checkout. */
  paymentMethod: 'WALLET' | 'CARD';
  roomId: string | null;
  requiresConfirmation: boolean;
  payment: { status: PaymentStatus; amount: Money; coveredByInsurance: boolean; reference: string | null };
  holdExpiresAt: Date | null;
  /** When a request waiting for the doctor is declined unanswered (absent on older documents). */
  confirmBy?: Date | null;
  cancellation: { by: CancelledBy; reason: string; at: Date } | null;
  /** teleconsultation issued a prescription for it (seed 001); absent on older documents. */
  hasPrescription?: boolean;
  /** The first prescription issued for it. */
  prescriptionId?: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const MoneySchema = new Schema<Money>(
  { amountMinor: { type: Number, required: true }, currency: { type: String, required: true } },
  { _id: false },
);

export const AppointmentSchema = new Schema<AppointmentDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    patientId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    dependentId: { type: String, default: null },
    doctorId: { type: String, required: true },
    organisationId: { type: String, default: null },
    clinicId: { type: String, default: null },
    mode: { type: String, enum: Object.values(ConsultationMode), required: true },
    slotId: { type: String, required: true },
    seatClaimId: { type: String, default: null },
    dayClaimId: { type: String, default: null },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    timeZone: { type: String, required: true },
    status: { type: String, enum: Object.values(AppointmentStatus), required: true },
    reason: { type: String, default: null },
    symptoms: { type: String, default: null },
    contactNumber: { type: String, default: null },
    callPreference: { type: String, enum: [...Object.values(CallPreference), null], default: null },
    paymentMethod: { type: String, enum: ['WALLET', 'CARD'], default: 'WALLET' },
    roomId: { type: String, default: null },
    requiresConfirmation: { type: Boolean, required: true },
    payment: {
      status: { type: String, enum: Object.values(PaymentStatus), required: true },
      amount: { type: MoneySchema, required: true },
      coveredByInsurance: { type: Boolean, default: false },
      reference: { type: String, default: null },
    },
    holdExpiresAt: { type: Date, default: null },
    confirmBy: { type: Date, default: null },
    cancellation: { type: new Schema({ by: String, reason: String, at: Date }, { _id: false }), default: null },
    hasPrescription: { type: Boolean, default: false },
    prescriptionId: { type: String, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'appointments', timestamps: true, versionKey: false },
);
AppointmentSchema.index({ number: 1 }, { unique: true });
AppointmentSchema.index({ patientId: 1, idempotencyKey: 1 }, { unique: true });
AppointmentSchema.index({ patientId: 1, start: -1 });
AppointmentSchema.index({ doctorId: 1, start: 1 });
AppointmentSchema.index({ organisationId: 1, start: 1 });
AppointmentSchema.index({ status: 1, start: 1 });
addOutbox(AppointmentSchema);

/**
 * One applied change of an appointment, `_id` = `${appointmentId}:${version}`: an entry of the
 * appointment's `VersionedLog`. Inserting it is how a change is claimed: of two racing changes
 * from the same version (pay vs expire, cancel vs start) exactly one insert succeeds. It carries
 * the fields it sets and its event, so the projection can always be brought up to date from it.
 */
export interface TransitionDoc extends LogEntry {
  /** The appointment (`aggregateId` is the same id; entries logged before it have only this). */
  appointmentId: string;
  action: string;
  from: AppointmentStatus;
  to: AppointmentStatus;
  set: Record<string, unknown>;
  event: string | null;
  actorId: string | null;
  at: Date;
}

export const TransitionSchema = new Schema<TransitionDoc>(
  {
    _id: { type: String, required: true },
    aggregateId: { type: String, required: true },
    appointmentId: { type: String, required: true },
    version: { type: Number, required: true },
    action: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    set: { type: Schema.Types.Mixed, default: {} },
    event: { type: String, default: null },
    actorId: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'appointment_transitions', versionKey: false, minimize: false },
);
TransitionSchema.index({ aggregateId: 1, version: 1 });
