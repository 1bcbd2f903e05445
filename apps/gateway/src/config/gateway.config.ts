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

  /** Event stream (GET /v1/stream): seconds between heartbeats; the revoked-token list is checked on each. */
  @IsInt()
  @Min(1)
  @Max(300)
  STREAM_HEARTBEAT_SECONDS = 15;

  /** How far back a reconnecting client (Last-Event-ID) is caught up from JetStream; older: `resync`. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  STREAM_RESUME_WINDOW_SECONDS = 300;

  /** Open streams per user across every replica; one more is refused with 429. */
  @IsInt()
  @Min(1)
  @Max(100)
  STREAM_MAX_CONNECTIONS_PER_USER = 5;

  /** Bytes a stream may have waiting in its socket buffer; beyond it the client is dropped. */
  @IsInt()
  @Min(16_384)
  @Max(64 * 1_048_576)
  STREAM_MAX_BUFFERED_BYTES = 1_048_576;

  /** How long a stream's socket buffer may stay full (no drain) before the client is dropped. */
  @IsInt()
  @Min(1)
  @Max(600)
  STREAM_SLOW_CLIENT_SECONDS = 30;
}
