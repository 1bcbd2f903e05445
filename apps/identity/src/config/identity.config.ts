import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { Secret, ServiceConfig } from '@telehealth/config';

export class IdentityConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_identity';
  override HEALTH_PORT = 3101;

  /** AES-256-GCM key for PII at rest (phone, dates of birth): 32 bytes, base64. */
  @Secret()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  PII_ENCRYPTION_KEY = 'ZGV2LW9ubHktcGlpLWtleS1jaGFuZ2UtbWUtMzJieXQ=';

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed logins in a row before the account is locked for LOGIN_LOCKOUT_MINUTES. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILED_ATTEMPTS = 5;

  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES = 15;

  @IsInt()
  @Min(1)
  EMAIL_VERIFICATION_TTL_MINUTES = 60;

  @IsInt()
  @Min(1)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** argon2id memory in KiB (OWASP minimum: 19456 = 19 MiB). */
  @IsInt()
  @Min(19_456)
  PASSWORD_HASH_MEMORY_KIB = 19_456;

  @IsInt()
  @Min(2)
  PASSWORD_HASH_TIME_COST = 2;

  /** Load the demo accounts (admin, doctors, patients with dependents) at start-up. */
  @IsBoolean()
  DEMO_DATA = false;
}
