import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
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

/**
 * Token settings shared by identity (signs) and the gateway (verifies). The gateway holds no key:
 * it verifies with identity's public keys (its JWKS, `/.well-known/jwks.json`).
 */
export class JwtConfig {
  @IsString()
  JWT_ISSUER = 'telehealth-identity';

  @IsString()
  JWT_AUDIENCE = 'telehealth-api';

  @IsInt()
  @Min(30)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;
}

/** The development signing key (ES256, P-256): refused in production. */
export const DEV_JWT_SIGNING_KEY =
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ3k0cndINHBld1dWVWF4Nk8KZEJHWldMNUdCZ2owNXljNEw5WnF3Wk5vVXZ1aFJBTkNBQVQrZ01PdEZJM3B0VlpIbkJCaHBtWDRKNkg5MGJtegoyUW1DSlhBS042akQyUFVlMmtJTHJndUR1Q0hzckcyMGJxK1NZUXpFTVljMWx2MjMzM2JrQVBwawotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==';

/**
 * Identity's access-token signing key (ES256, an EC P-256 private key) named by JWT_KEY_ID, and
 * the public keys of the keys it replaced, still published (JWT_RETIRED_KEYS) until every token
 * they signed has expired: rotation with an overlap.
 */
export class JwtSigningConfig extends JwtConfig {
  /** The PKCS#8 PEM of the private key, base64 (`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | base64 -w0`). */
  @Secret()
  @Matches(/^[A-Za-z0-9+/]+=*$/, { message: 'must be a PKCS#8 PEM private key, base64-encoded' })
  JWT_SIGNING_KEY = DEV_JWT_SIGNING_KEY;

  /** The `kid` tokens signed with it carry (new for each key: rotation publishes both for a while). */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits, ., _ or -' })
  JWT_KEY_ID = 'dev-1';

  /** JSON array of the retired keys' public JWKs (each with its `kid`), published until their tokens expire. */
  @IsString()
  JWT_RETIRED_KEYS = '[]';
}
