import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, PageQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { claimOnce, findPage } from '@telehealth/persistence';
import { MedicalCipher } from '../../common/medical-cipher';
import type { Prescription, PrescriptionContent, PrescriptionSet } from './prescription';
import {
  PRESCRIPTION_CODE_MODEL,
  PRESCRIPTION_MODEL,
  type PrescriptionCodeDoc,
  type PrescriptionDoc,
} from './prescription.schema';

export type NewPrescription = Omit<Prescription, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version'>;

/**
 * Prescriptions, sealed at rest: use cases hand it and get back opened prescriptions, and it
 * seals the medical fields (MedicalCipher) on the way in. A prescription changes only by a
 * conditional update from the version the change was decided on, carrying its events; of two
 * changes decided on one version exactly one applies.
 */
@Injectable()
export class PrescriptionStore {
  constructor(
    @InjectModel(PRESCRIPTION_MODEL) private readonly prescriptions: Model<PrescriptionDoc>,
    @InjectModel(PRESCRIPTION_CODE_MODEL) private readonly codes: Model<PrescriptionCodeDoc>,
    private readonly cipher: MedicalCipher,
    private readonly relay: OutboxRelay,
  ) {}

  async insert(p: NewPrescription): Promise<Prescription> {
    const doc = { ...this.seal(p), version: 0, ...outboxOnInsert([]) };
    const created = await this.prescriptions.create(doc);
    return this.open(created.toObject<PrescriptionDoc>());
  }

  async load(id: string): Promise<Prescription | null> {
    const doc = await this.prescriptions.findById(id).lean<PrescriptionDoc>();
    return doc && this.open(doc);
  }

  /** The prescription changed by `set`, or null when it changed since `current` was read. */
  async update(
    current: Prescription,
    set: PrescriptionSet,
    events: EventEnvelope[] = [],
  ): Promise<Prescription | null> {
    const done = await this.prescriptions
      .findOneAndUpdate(
        { _id: current._id, version: current.version },
        withEvents<PrescriptionDoc>({ $set: this.seal(set), $inc: { version: 1 } }, events),
        { new: true },
      )
      .lean<PrescriptionDoc>();
    if (done && events.length) this.relay.kick();
    return done && this.open(done);
  }

  async page(filter: FilterQuery<PrescriptionDoc>, q: PageQuery): Promise<{ items: Prescription[]; total: number }> {
    const { items, total } = await findPage(this.prescriptions, filter, { createdAt: -1, _id: 1 }, q);
    return { items: items.map((d) => this.open(d)), total };
  }

  /** Reserves `code` for a prescription: false when any prescription already holds it. */
  claimCode(code: string, prescriptionId: string, at: Date): Promise<boolean> {
    return claimOnce(this.codes, { _id: code, prescriptionId, at });
  }

  /** The prescription a code was given to (a code reserved by a signing that lost its race names none). */
  async byCode(code: string): Promise<Prescription | null> {
    const claim = await this.codes.findById(code).lean<PrescriptionCodeDoc>();
    const p = claim && (await this.load(claim.prescriptionId));
    return p && p.verificationCode === code ? p : null;
  }

  private seal(p: PrescriptionSet & Partial<NewPrescription>): Partial<PrescriptionDoc> {
    const { content, patient, cancellationReason, ...rest } = p;
    const out: Partial<PrescriptionDoc> = { ...rest };
    if (content !== undefined) out.contentEnc = this.cipher.encrypt(JSON.stringify(content));
    if (patient !== undefined) out.patientEnc = patient === null ? null : this.cipher.encrypt(JSON.stringify(patient));
    if (cancellationReason !== undefined) out.cancellationReasonEnc = this.cipher.encrypt(cancellationReason);
    return out;
  }

  private open(doc: PrescriptionDoc): Prescription {
    const { contentEnc, patientEnc, cancellationReasonEnc, ...rest } = doc;
    return {
      ...rest,
      content: JSON.parse(this.cipher.decrypt(contentEnc) ?? '{}') as PrescriptionContent,
      patient: patientEnc ? (JSON.parse(this.cipher.decrypt(patientEnc) ?? 'null') as Prescription['patient']) : null,
      cancellationReason: this.cipher.decrypt(cancellationReasonEnc),
    };
  }
}
