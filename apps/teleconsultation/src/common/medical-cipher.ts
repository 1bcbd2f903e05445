import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@telehealth/persistence';
import { TeleconsultationConfig } from '../config/teleconsultation.config';

/** Medical text at rest (a request's symptoms) under MEDICAL_ENCRYPTION_KEY. */
@Injectable()
export class MedicalCipher extends FieldCipher {
  constructor(config: TeleconsultationConfig) {
    super(config.MEDICAL_ENCRYPTION_KEY);
  }
}
