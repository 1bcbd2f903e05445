import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Secret } from './secret.decorator';

/** Settings every app shares. Each app extends it with its own. */
export class CommonConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL = 'info';

  @Matches(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, { message: 'must be nats://host:port[,nats://...]' })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsInt()
  @Min(100)
  @Max(60_000)
  RPC_TIMEOUT_MS = 5_000;

  /** Test-only: lets a request ask a service to crash at a named point. Refused in production. */
  @IsBoolean()
  FAULT_INJECTION_ENABLED = false;
}

/** Settings of a backend service (owns a database, answers on NATS, publishes events). */
export class ServiceConfig extends CommonConfig {
  @Secret()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'must be a mongodb:// or mongodb+srv:// URI' })
  MONGO_URI = 'mongodb://127.0.0.1:27017';

  /** Database name; each service has its own (`telehealth_<service>` by default). */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,60}$/, { message: 'must be 1-60 letters, digits, _ or -' })
  MONGO_DB = 'telehealth';

  /** Connections to the database per process (the driver's default is 100). */
  @IsInt()
  @Min(1)
  @Max(1000)
  MONGO_MAX_POOL_SIZE = 100;

  /** HTTP port for Kubernetes probes (`/health`, `/ready`). */
  @IsInt()
  @Min(1)
  @Max(65535)
  HEALTH_PORT = 3100;

  /** How often the outbox relay looks for unpublished events (it is also woken on write). */
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 500;

  /** Deliveries of one event a consumer attempts before parking it for an operator. */
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_DELIVER = 5;

  /** First retry delay; doubles on each further attempt. */
  @IsInt()
  @Min(10)
  EVENT_RETRY_BASE_MS = 1_000;

  /**
   * Events one consumer handles at once; those of one aggregate always one at a time, in order.
   * 1 by default: at 8, the notifications service's burst of contact look-ups after 500 sign-ups
   * starved identity's logins past the RPC timeout on a 2-core machine (bench booking race).
   */
  @IsInt()
  @Min(1)
  @Max(256)
  EVENT_CONCURRENCY = 1;
}

/** Token settings shared by identity (signs) and the gateway (verifies). */
export class JwtConfig {
  @Secret()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

  @IsString()
  JWT_ISSUER = 'telehealth-identity';

  @IsString()
  JWT_AUDIENCE = 'telehealth-api';

  @IsInt()
  @Min(30)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;
}
