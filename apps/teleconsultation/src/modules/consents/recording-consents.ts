import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConsentType, IdentityEvents, type ConsentRecordedV1, type EventEnvelope } from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { isDuplicateKey } from '@telehealth/persistence';
import { RECORDING_CONSENT_MODEL, type RecordingConsentDoc } from './recording-consent.schema';

/** Whether each patient currently consents to call recording (identity owns consents; this is its echo). */
@Injectable()
export class RecordingConsents {
  constructor(@InjectModel(RECORDING_CONSENT_MODEL) private readonly consents: Model<RecordingConsentDoc>) {}

  @OnEvent(IdentityEvents.consentRecorded)
  async recorded(e: EventEnvelope<ConsentRecordedV1>): Promise<void> {
    if (e.payload.type !== ConsentType.CALL_RECORDING) return;
    const doc: RecordingConsentDoc = {
      _id: e.payload.userId,
      granted: e.payload.granted,
      documentVersion: e.payload.documentVersion,
      asOf: new Date(e.occurredAt),
    };
    try {
      await this.consents.updateOne({ _id: doc._id, asOf: { $lt: doc.asOf } }, { $set: doc }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // a later decision is already held
    }
  }

  /** When the patient's standing consent was given, or null when they have none (or withdrew it). */
  async grantedAt(userId: string): Promise<Date | null> {
    const c = await this.consents.findById(userId).lean<RecordingConsentDoc>();
    return c?.granted ? c.asOf : null;
  }
}
