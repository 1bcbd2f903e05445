import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';
import { ServiceConfig, WithJobsConfig } from '@telehealth/config';

/** Redis (WithJobsConfig): hold expiries and confirmation deadlines are delayed jobs that survive a restart. */
export class SchedulingConfig extends WithJobsConfig(ServiceConfig) {
  override MONGO_DB = 'telehealth_scheduling';
  override HEALTH_PORT = 3102;

  /** How long a booking holds its seat while payment happens. */
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  HOLD_SECONDS = 900;

  /**
   * How long a doctor has to accept a booking request once it waits for them; unanswered, it is
   * declined by the system and the held fee released. Fractions allowed (e2e: 0.15, 9 s).
   */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.05)
  @Max(14 * 24 * 60)
  CONFIRMATION_WINDOW_MINUTES = 1440;

  /** ...and at the latest this long before the start, so the patient can still book elsewhere. */
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  CONFIRMATION_CUTOFF_MINUTES = 60;

  /** Patients cannot cancel or reschedule later than this before the start. */
  @IsInt()
  @Min(0)
  @Max(24 * 14)
  CANCELLATION_CUTOFF_HOURS = 2;

  /** No slot starts sooner than this after now. */
  @IsInt()
  @Min(0)
  BOOKING_MIN_NOTICE_MINUTES = 60;

  /** No slot starts later than this many days ahead. */
  @IsInt()
  @Min(1)
  @Max(366)
  BOOKING_HORIZON_DAYS = 90;

  /** Most appointments one doctor takes on one local day (0: no cap beyond the slots). */
  @IsInt()
  @Min(0)
  @Max(500)
  MAX_APPOINTMENTS_PER_DAY = 0;

  /**
   * How long a doctor's slot listing (not its free seats, always live) may be served from
   * memory. Writes through this instance invalidate at once; 0 turns the cache off.
   */
  @IsInt()
  @Min(0)
  @Max(300)
  SLOT_LIST_CACHE_SECONDS = 5;

  /** Gap kept between consecutive slots of a rule. */
  @IsInt()
  @Min(0)
  SLOT_BUFFER_MINUTES = 0;

  /** How long a booking's Idempotency-Key and its answer are kept (after that, the key is new again). */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_KEY_TTL_HOURS = 48;

  /**
   * A booking that has not answered this long after claiming its Idempotency-Key is presumed dead
   * (its process crashed): one retry takes the key over and finishes it. Fractions allowed (tests).
   */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.1)
  @Max(600)
  IDEMPOTENCY_KEY_LEASE_SECONDS = 30;

  /** Load demo specialties, clinics, doctor profiles and availability at start-up. */
  @IsBoolean()
  DEMO_DATA = false;
}
