import { IsInt, IsUrl, Matches, Max, Min } from 'class-validator';
import { Secret, ServiceConfig, WithJobsConfig } from '@telehealth/config';
import { WithStorageConfig } from '@telehealth/storage';
import { WithVideoConfig } from '../modules/video/video.config';

/**
 * The video provider's settings (WithVideoConfig, see video.config.ts), and Redis and
 * QUEUE_PREFIX (WithJobsConfig): the no-show and end-of-call timers survive a restart; the object
 * store of its files (WithStorageConfig, libs/storage: S3_* and FILE_MAX_MB_*).
 */
export class TeleconsultationConfig extends WithStorageConfig(WithVideoConfig(WithJobsConfig(ServiceConfig))) {
  override MONGO_DB = 'telehealth_teleconsultation';
  override HEALTH_PORT = 3103;

  /** AES-256-GCM key for medical text at rest (what patients describe): 32 bytes, base64. */
  @Secret()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  MEDICAL_ENCRYPTION_KEY = 'ZGV2LW9ubHktbWVkaWNhbC1rZXktY2hhbmdlLW1lLTE=';

  /** Participants may join from this many minutes before the scheduled start (at most two weeks). */
  @IsInt()
  @Min(0)
  @Max(20_160)
  JOIN_OPENS_MINUTES_BEFORE = 10;

  /** ...until this long after the scheduled end; a call still running then is ended by the system. */
  @IsInt()
  @Min(0)
  @Max(240)
  JOIN_GRACE_MINUTES = 30;

  /** Whoever has not joined this long after the start is recorded absent (NO_SHOW). */
  @IsInt()
  @Min(1)
  @Max(240)
  NO_SHOW_WAIT_MINUTES = 15;

  /** The fee of an on-demand consultation, in minor units (held when asked, captured when accepted). */
  @IsInt()
  @Min(1) // the request opens when wallet-claims reports the fee held
  ON_DEMAND_FEE_MINOR = 500_000;

  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as NGN' })
  ON_DEMAND_CURRENCY = 'NGN';

  /** An on-demand request nobody accepts within this many minutes expires; its fee is released. */
  @IsInt()
  @Min(1)
  @Max(1_440)
  ON_DEMAND_REQUEST_MINUTES = 15;

  /** How long an accepted on-demand consultation is scheduled for (its join window and timers follow). */
  @IsInt()
  @Min(5)
  @Max(240)
  ON_DEMAND_CONSULTATION_MINUTES = 30;

  /** A doctor reads a patient's clinical data until this many days after their last completed appointment. */
  @IsInt()
  @Min(0)
  @Max(3_650)
  CARE_RELATIONSHIP_DAYS = 90;

  /** Clinical data (notes, prescriptions, records, messages) is kept this many years, deleted or not. */
  @IsInt()
  @Min(1)
  @Max(100)
  CLINICAL_RETENTION_YEARS = 7;

  /** Where a printed prescription says its verification code is checked (the code is appended). */
  @IsUrl({ require_tld: false, require_protocol: true })
  PRESCRIPTION_VERIFY_URL = 'http://localhost:3000/v1/prescriptions/verify';
}
