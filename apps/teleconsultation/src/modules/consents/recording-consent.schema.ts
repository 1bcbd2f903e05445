import { Schema } from 'mongoose';

export const RECORDING_CONSENT_MODEL = 'RecordingConsent';

/** A patient's latest CALL_RECORDING decision, from identity's consent.recorded events. */
export interface RecordingConsentDoc {
  /** The user id. */
  _id: string;
  granted: boolean;
  documentVersion: string;
  /** When identity recorded it: an older event never overwrites it. */
  asOf: Date;
}

export const RecordingConsentSchema = new Schema<RecordingConsentDoc>(
  {
    _id: { type: String, required: true },
    granted: { type: Boolean, required: true },
    documentVersion: { type: String, required: true },
    asOf: { type: Date, required: true },
  },
  { collection: 'recording_consents', versionKey: false },
);
