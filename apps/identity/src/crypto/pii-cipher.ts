import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@telehealth/persistence';
import { IdentityConfig } from '../config/identity.config';

/** PII at rest (phone numbers, dates of birth) under PII_ENCRYPTION_KEY. */
@Injectable()
export class PiiCipher extends FieldCipher {
  constructor(config: IdentityConfig) {
    super(config.PII_ENCRYPTION_KEY);
  }
}
