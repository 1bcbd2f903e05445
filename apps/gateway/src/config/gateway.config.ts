import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { CommonConfig, WithRedisConfig } from '@telehealth/config';

/** REDIS_URL (WithRedisConfig): rate limits and the revoked access-token list. */
export class GatewayConfig extends WithRedisConfig(CommonConfig) {
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_PORT = 3000;

  @IsString()
  GATEWAY_HOST = '0.0.0.0';

  /** Public base URL printed in logs and used in the OpenAPI servers list. */
  @IsString()
  PUBLIC_URL = 'http://localhost:3000';

  /** Comma-separated allowed origins, or * for any (development only). */
  @IsString()
  CORS_ORIGINS = 'http://localhost:5173,http://localhost:3000';

  @IsInt()
  @Min(1_024)
  @Max(10 * 1_048_576)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Requests per IP per window on /v1/auth/* routes. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_MAX = 20;

  /** Requests per authenticated user (or IP when anonymous) per window elsewhere. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_USER_MAX = 600;

  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Trust X-Forwarded-For from a load balancer (set in Kubernetes behind an ingress). */
  @IsBoolean()
  TRUST_PROXY = false;
}
