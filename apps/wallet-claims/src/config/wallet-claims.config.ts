import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, WithJobsConfig } from '@telehealth/config';
import { WithProvidersConfig } from '../modules/providers/providers.config';

/**
 * The service's settings, the payment providers' included (see providers.config.ts), and Redis
 * (WithJobsConfig) for the sandbox provider's webhook deliveries.
 */
export class WalletClaimsConfig extends WithProvidersConfig(WithJobsConfig(ServiceConfig)) {
  override MONGO_DB = 'telehealth_wallet_claims';
  override HEALTH_PORT = 3104;

  /** Currency of the wallet opened for every new user (ISO 4217). */
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as NGN' })
  WALLET_DEFAULT_CURRENCY = 'NGN';

  /** Largest single top-up, in minor units (₦5,000,000 by default). */
  @IsInt()
  @Min(1)
  TOP_UP_MAX_MINOR = 500_000_000;

  /** Smallest single top-up, in minor units (₦100 by default). */
  @IsInt()
  @Min(1)
  TOP_UP_MIN_MINOR = 10_000;

  /** Patients cancelling at least this long before the start get everything back. */
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  REFUND_FULL_NOTICE_HOURS = 24;

  /** Share refunded when a patient cancels later than that. */
  @IsInt()
  @Min(0)
  @Max(100)
  REFUND_LATE_PERCENT = 50;

  /** Idempotency keys are answered from their first result for at least this long. */
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  IDEMPOTENCY_KEY_TTL_HOURS = 48;

  /** Fund the demo patients' wallets at start-up. */
  @IsBoolean()
  DEMO_DATA = false;
}
