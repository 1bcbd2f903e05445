import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilePurpose } from '@telehealth/contracts';
import { FILE_MODEL, FileRegistry, ObjectStore, type FileRecord } from '@telehealth/storage';
import type { Model } from 'mongoose';
import { MedicalCipher } from '../../common/medical-cipher';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { FileAccessPolicyImpl } from './file-access.policy';

/** The purposes teleconsultation keeps files for. */
export const TELECONSULTATION_PURPOSES: readonly FilePurpose[] = Object.values(FilePurpose);

/**
 * Teleconsultation's files: the shared registry (libs/storage) on this service's database and
 * bucket, under keys `teleconsultation/...`, names encrypted with the MedicalCipher, reads
 * checked (and audited) by FileAccessPolicyImpl. Other modules `attach` files through it (an
 * uploaded prescription, a message attachment, a medical-record document).
 */
@Injectable()
export class Files extends FileRegistry implements OnModuleInit {
  constructor(
    @InjectModel(FILE_MODEL) model: Model<FileRecord>,
    readonly store: ObjectStore,
    config: TeleconsultationConfig,
    policy: FileAccessPolicyImpl,
    cipher: MedicalCipher,
  ) {
    super({
      model,
      store,
      config,
      policy,
      cipher: { encrypt: (s) => cipher.encrypt(s), decrypt: (s) => cipher.decrypt(s) },
      keyPrefix: 'teleconsultation',
      purposes: TELECONSULTATION_PURPOSES,
    });
  }

  /** The bucket exists before the first upload (created when missing). */
  async onModuleInit(): Promise<void> {
    await this.store.ensureBucket();
  }
}
