import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import {
  ErrorCode,
  FilePurpose,
  FileStatus,
  Role,
  hasRole,
  type Caller,
  type FileDownload,
  type FileLink,
  type FileView,
  type UploadTicket,
} from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { FileRecord } from './file-record.schema';
import type { ObjectStore } from './object-store';
import { objectKeys, purposeRules, type PurposeRule } from './purposes';
import { SNIFF_BYTES, sniffType } from './sniff';
import type { StorageSettings } from './storage.config';

/** Who may read a file: the service's own rules (and audit). */
export interface FileAccessPolicy {
  /**
   * Resolves when `caller` may download `file` (recording the read where the service audits
   * reads); throws a DomainError otherwise: NOT_FOUND for anyone who must not learn it exists.
   */
  authorizeRead(file: FileRecord, caller: Caller, context: { accessReason?: string }): Promise<void>;
  /** Resolves when `caller` may upload a file about another person, `patientId`; throws otherwise. */
  authorizeUploadFor(patientId: string, caller: Caller, purpose: FilePurpose): Promise<void>;
}

/** Encrypts the declared file name at rest (the service's field cipher). */
export interface TextCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string | null;
}

export interface FileRegistryOptions {
  model: Model<FileRecord>;
  store: ObjectStore;
  config: StorageSettings;
  policy: FileAccessPolicy;
  /** The first segment of every key (the service's name): one bucket can serve several services. */
  keyPrefix: string;
  /** The purposes this service takes (all by default). */
  purposes?: readonly FilePurpose[];
  cipher?: TextCipher;
}

export interface UploadRequest {
  name: string;
  contentType: string;
  size: number;
  purpose: FilePurpose;
  /** The patient the file is about; the caller when absent. */
  patientId?: string;
}

export interface AttachOptions {
  /** The purposes the use accepts (a message: MESSAGE_ATTACHMENT; a record document: MEDICAL_DOCUMENT, SCAN). */
  purposes: readonly FilePurpose[];
  link: FileLink;
  /** The field of the caller's request that named the file (for the error). */
  field?: string;
}

const FILE = 'File';
const MAX_NAME = 255;

/**
 * Files on object storage for one service: upload in two steps (a presigned PUT, then confirm:
 * the stored bytes' size and real type are checked against the purpose, and their SHA-256
 * recorded), download through short-lived presigned GETs after the service's access policy, soft
 * delete by the owner, and `attach` for other modules that use a file. Every state change is one
 * conditional single-document write, so concurrent confirms, attaches and deletes settle in the
 * database, whichever replica runs them.
 */
export class FileRegistry {
  private readonly rules: Record<FilePurpose, PurposeRule>;
  private readonly purposes: readonly FilePurpose[];

  constructor(private readonly options: FileRegistryOptions) {
    this.rules = purposeRules(options.config);
    this.purposes = options.purposes ?? Object.values(FilePurpose);
  }

  /** The rules of each purpose this service takes (types and size limit). */
  purposeRules(): Partial<Record<FilePurpose, PurposeRule>> {
    return Object.fromEntries(this.purposes.map((p) => [p, this.rules[p]]));
  }

  async requestUpload(caller: Caller, request: UploadRequest): Promise<UploadTicket> {
    const { purpose, contentType, size } = request;
    if (!this.purposes.includes(purpose))
      throw DomainError.invalid('purpose', `must be one of ${this.purposes.join(', ')}`);
    const rule = this.rules[purpose];
    const name = request.name?.trim() ?? '';
    if (!name || name.length > MAX_NAME || /[/\\]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20))
      throw DomainError.invalid(
        'name',
        `must be a file name of 1-${MAX_NAME} characters, without / \\ or control characters`,
      );
    if (!rule.types.includes(contentType))
      throw DomainError.invalid(
        'contentType',
        `must be one of ${rule.types.join(', ')} for ${purpose}`,
        'FILE_TYPE_NOT_ALLOWED',
      );
    if (!Number.isSafeInteger(size) || size < 1)
      throw DomainError.invalid('size', 'must be a whole number of bytes, at least 1');
    if (size > rule.maxBytes)
      throw DomainError.invalid('size', `must be at most ${rule.maxBytes} bytes for ${purpose}`, 'FILE_TOO_LARGE');
    const patientId = request.patientId ?? caller.userId;
    if (patientId !== caller.userId) await this.options.policy.authorizeUploadFor(patientId, caller, purpose);

    const id = randomUUID();
    const uploadKey = objectKeys.upload(this.options.keyPrefix, id);
    const doc: FileRecord = {
      _id: id,
      ownerId: caller.userId,
      ownerDoctorProfileId: hasRole(caller, Role.DOCTOR) ? (caller.doctorProfileId ?? null) : null,
      patientId,
      purpose,
      status: FileStatus.PENDING_UPLOAD,
      declaredName: this.options.cipher ? this.options.cipher.encrypt(name) : name,
      declaredType: contentType,
      declaredSize: size,
      storedType: null,
      storedSize: null,
      sha256: null,
      uploadKey,
      key: null,
      rejectedReason: null,
      links: [],
      deleted: false,
      deletedAt: null,
      createdAt: new Date(),
      confirmedAt: null,
    };
    await this.options.model.create(doc);
    const signed = await this.options.store.presignPut(
      uploadKey,
      contentType,
      size,
      this.options.config.S3_UPLOAD_URL_TTL_SECONDS,
    );
    return {
      file: this.view(doc),
      upload: {
        method: 'PUT',
        url: signed.url,
        headers: { 'Content-Type': contentType, 'Content-Length': String(size) },
        expiresAt: signed.expiresAt.toISOString(),
      },
    };
  }

  /**
   * The owner says the upload is done: the stored object's size and real type are checked and
   * its SHA-256 computed (one read of one version of it); a mismatch refuses the file and deletes
   * the object. Idempotent: a confirmed file is returned as it is.
   */
  async confirm(fileId: string, caller: Caller): Promise<FileView> {
    const doc = await this.owned(fileId, caller);
    if (doc.status === FileStatus.READY) return this.view(doc);
    if (doc.status === FileStatus.REJECTED) throw this.rejected(doc.rejectedReason);
    const { store } = this.options;
    const rule = this.rules[doc.purpose];
    const info = await store.head(doc.uploadKey);
    if (!info)
      return this.settled(
        fileId,
        caller,
        DomainError.conflict(
          'Nothing was uploaded for this file yet: PUT the bytes to the upload URL, then confirm',
          'FILE_NOT_UPLOADED',
        ),
      );
    if (info.size !== doc.declaredSize || info.size > rule.maxBytes)
      return this.reject(doc, `the stored size (${info.size} bytes) is not the declared ${doc.declaredSize} bytes`);
    const changed = DomainError.conflict('The upload changed while it was checked; confirm again', 'CONCURRENT_CHANGE');
    const digest = await store.digest(doc.uploadKey, SNIFF_BYTES, info.etag);
    if (!digest) return this.settled(fileId, caller, changed);
    const sniffed = await sniffType(digest.head);
    if (!sniffed || sniffed.mime !== doc.declaredType || !rule.types.includes(sniffed.mime))
      return this.reject(
        doc,
        `the bytes are ${sniffed ? sniffed.mime : 'of no recognised type'}, not the declared ${doc.declaredType}`,
      );
    // The bytes move to a key of their content: a later PUT to the (still valid) upload URL
    // cannot replace what was checked.
    const key = objectKeys.stored(this.options.keyPrefix, doc.purpose, doc.createdAt, doc._id, digest.sha256);
    if (!(await store.copy(doc.uploadKey, key, info.etag))) return this.settled(fileId, caller, changed);
    const ready = await this.options.model
      .findOneAndUpdate(
        { _id: doc._id, status: FileStatus.PENDING_UPLOAD },
        {
          $set: {
            status: FileStatus.READY,
            storedType: sniffed.mime,
            storedSize: digest.size,
            sha256: digest.sha256,
            key,
            confirmedAt: new Date(),
          },
        },
        { new: true },
      )
      .lean<FileRecord>();
    if (!ready) {
      // Another confirm settled it first: its answer stands (and its copy, if ours differs).
      const settled = await this.owned(fileId, caller);
      if (settled.key !== key) await store.delete(key).catch(() => undefined);
      return this.settled(fileId, caller, changed);
    }
    await store.delete(doc.uploadKey).catch(() => undefined);
    return this.view(ready);
  }

  /**
   * What a confirm answers when the upload is not (or no longer) where it looked: a concurrent
   * confirm's outcome if one settled the file meanwhile, otherwise `error`.
   */
  private async settled(fileId: string, caller: Caller, error: DomainError): Promise<FileView> {
    const now = await this.owned(fileId, caller);
    if (now.status === FileStatus.READY) return this.view(now);
    if (now.status === FileStatus.REJECTED) throw this.rejected(now.rejectedReason);
    throw error;
  }

  /** The file and a short-lived download URL, for whoever the service's policy lets read it. */
  async download(fileId: string, caller: Caller, context: { accessReason?: string } = {}): Promise<FileDownload> {
    const doc = await this.options.model.findOne({ _id: fileId, deleted: false }).lean<FileRecord>();
    if (!doc) throw DomainError.notFound(FILE);
    await this.options.policy.authorizeRead(doc, caller, context);
    if (doc.status !== FileStatus.READY || !doc.key)
      throw DomainError.conflict(`The file is ${doc.status}, not confirmed`, 'FILE_NOT_READY');
    const view = this.view(doc);
    const url = await this.options.store.presignGet(
      doc.key,
      view.name,
      view.contentType,
      this.options.config.S3_DOWNLOAD_URL_TTL_SECONDS,
    );
    return { file: view, download: { url: url.url, expiresAt: url.expiresAt.toISOString() } };
  }

  /**
   * Soft delete by the owner: hidden from everyone from now on; the bytes stay for the retention
   * period. A file something uses (attached) stays. Deleting again is a no-op.
   */
  async remove(fileId: string, caller: Caller): Promise<void> {
    const doc = await this.options.model.findOne({ _id: fileId, ownerId: caller.userId }).lean<FileRecord>();
    if (!doc) throw DomainError.notFound(FILE);
    if (doc.deleted) return;
    const done = await this.options.model.updateOne(
      { _id: fileId, ownerId: caller.userId, deleted: false, 'links.0': { $exists: false } },
      { $set: { deleted: true, deletedAt: new Date() } },
    );
    if (done.modifiedCount === 1) return;
    const now = await this.options.model.findOne({ _id: fileId }).lean<FileRecord>();
    if (!now || now.deleted) return;
    throw DomainError.conflict(
      `The file is attached to ${now.links.length} item(s) and cannot be deleted`,
      'FILE_IN_USE',
    );
  }

  /**
   * Records that `link` uses the file: it must be the caller's, confirmed, not deleted and of one
   * of `purposes`. One conditional write: a concurrent delete either comes first (then this
   * refuses) or finds the link (then it refuses). Attaching the same link again is a no-op.
   */
  async attach(fileId: string, caller: Caller, options: AttachOptions): Promise<FileView> {
    const field = options.field ?? 'fileId';
    const updated = await this.options.model
      .findOneAndUpdate(
        {
          _id: fileId,
          ownerId: caller.userId,
          deleted: false,
          status: FileStatus.READY,
          purpose: { $in: options.purposes },
        },
        { $addToSet: { links: { kind: options.link.kind, id: options.link.id } } },
        { new: true },
      )
      .lean<FileRecord>();
    if (updated) return this.view(updated);
    const doc = await this.options.model
      .findOne({ _id: fileId, ownerId: caller.userId, deleted: false })
      .lean<FileRecord>();
    if (!doc) throw DomainError.notFound(FILE);
    if (doc.status !== FileStatus.READY)
      throw DomainError.conflict(`The file is ${doc.status}: confirm its upload first`, 'FILE_NOT_READY');
    throw DomainError.invalid(
      field,
      `must be a file uploaded for ${options.purposes.join(' or ')} (it is ${doc.purpose})`,
      'FILE_PURPOSE_MISMATCH',
    );
  }

  /** The file as stored (for the service's own modules), or null. */
  find(fileId: string): Promise<FileRecord | null> {
    return this.options.model.findOne({ _id: fileId }).lean<FileRecord>().exec();
  }

  view(doc: FileRecord): FileView {
    const ready = doc.status === FileStatus.READY;
    return {
      id: doc._id,
      purpose: doc.purpose,
      status: doc.status,
      name: (this.options.cipher ? this.options.cipher.decrypt(doc.declaredName) : doc.declaredName) ?? '',
      contentType: ready && doc.storedType ? doc.storedType : doc.declaredType,
      size: ready && doc.storedSize !== null ? doc.storedSize : doc.declaredSize,
      sha256: doc.sha256,
      ownerId: doc.ownerId,
      patientId: doc.patientId,
      links: (doc.links ?? []).map((l) => ({ kind: l.kind, id: l.id })),
      createdAt: doc.createdAt.toISOString(),
      rejectedReason: doc.rejectedReason,
    };
  }

  /** The caller's own file (not deleted), or NOT_FOUND: nobody else learns it exists. */
  private async owned(fileId: string, caller: Caller): Promise<FileRecord> {
    const doc = await this.options.model
      .findOne({ _id: fileId, ownerId: caller.userId, deleted: false })
      .lean<FileRecord>();
    if (!doc) throw DomainError.notFound(FILE);
    return doc;
  }

  private async reject(doc: FileRecord, reason: string): Promise<never> {
    const done = await this.options.model
      .findOneAndUpdate(
        { _id: doc._id, status: FileStatus.PENDING_UPLOAD },
        { $set: { status: FileStatus.REJECTED, rejectedReason: reason } },
        { new: true },
      )
      .lean<FileRecord>();
    await this.options.store.delete(doc.uploadKey);
    if (!done) {
      // A concurrent confirm settled it first.
      const settled = await this.options.model.findOne({ _id: doc._id }).lean<FileRecord>();
      if (settled?.status === FileStatus.READY)
        throw DomainError.conflict('The file was confirmed meanwhile', 'CONCURRENT_CHANGE');
      throw this.rejected(settled?.rejectedReason ?? reason);
    }
    throw this.rejected(reason);
  }

  private rejected(reason: string | null): DomainError {
    return new DomainError(ErrorCode.UNPROCESSABLE, `The uploaded file was refused: ${reason ?? 'it did not match'}`, {
      reason: 'FILE_CONTENT_REJECTED',
    });
  }
}
