import { IsBoolean, IsInt, IsString, Matches, Max, Min, ValidateBy, type ValidationArguments } from 'class-validator';
import { ConfigError, Secret } from '@telehealth/config';

/**
 * The development credentials: the identity `npm run infra:up` configures on its SeaweedFS
 * (tools/infra/s3/seaweedfs.mjs). Refused in production.
 */
export const S3_DEV_CREDENTIALS = {
  S3_ACCESS_KEY_ID: 'telehealth-dev',
  S3_SECRET_ACCESS_KEY: 'dev-only-s3-secret-key-0123456789abcdef',
};

type CrossFields = { NODE_ENV?: unknown; S3_ENDPOINT?: unknown; S3_PUBLIC_ENDPOINT?: unknown };

const DEV_SECRET_IN_PRODUCTION = 'must be set (not the development default) in production';
const HTTPS_IN_PRODUCTION =
  'must be an https:// URL in production (clients upload and download there; http only on localhost)';
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/** The problem of one setting under the production rules, or null. */
function productionProblem(key: string, value: unknown, config: CrossFields): string | null {
  if (config.NODE_ENV !== 'production') return null;
  if (key === 'S3_SECRET_ACCESS_KEY' && value === S3_DEV_CREDENTIALS.S3_SECRET_ACCESS_KEY)
    return DEV_SECRET_IN_PRODUCTION;
  // What clients reach: the public endpoint, or (unset) the endpoint itself; '' is AWS's own (https).
  if (key === 'S3_PUBLIC_ENDPOINT') {
    const reached = (value || config.S3_ENDPOINT || '') as string;
    if (reached && !reached.startsWith('https://') && !LOOPBACK.test(reached)) return HTTPS_IN_PRODUCTION;
  }
  return null;
}

function ProductionSafe(key: string): PropertyDecorator {
  return ValidateBy({
    name: 'storageProductionSafe',
    validator: {
      validate: (value, args) => productionProblem(key, value, args?.object as CrossFields) === null,
      defaultMessage: (args?: ValidationArguments) =>
        productionProblem(key, args?.value, args?.object as CrossFields) ?? 'is invalid',
    },
  });
}

const URL_OR_EMPTY = /^(https?:\/\/[^\s/]+(\/\S*)?)?$/;
const MB = 1024 * 1024;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * Adds the object-store settings (libs/storage) to a config class:
 * `class TeleconsultationConfig extends WithStorageConfig(ServiceConfig) { ... }`. Locally they
 * point at the SeaweedFS `npm run infra:up` starts; in production at S3 or any S3-compatible
 * store, with real credentials and an https endpoint for clients (`loadConfig` refuses otherwise).
 */
export function WithStorageConfig<TBase extends Constructor>(Base: TBase) {
  class WithStorage extends Base {
    /** The S3 API the service talks to; empty: AWS S3 of S3_REGION. */
    @Matches(URL_OR_EMPTY, { message: 'must be an http(s):// URL, or empty for AWS S3' })
    S3_ENDPOINT = 'http://127.0.0.1:8333';

    /** What clients reach for presigned uploads and downloads, when not S3_ENDPOINT (https in production). */
    @Matches(URL_OR_EMPTY, { message: 'must be an http(s):// URL, or empty for S3_ENDPOINT' })
    @ProductionSafe('S3_PUBLIC_ENDPOINT')
    S3_PUBLIC_ENDPOINT = '';

    @Matches(/^[a-z]{2}(-[a-z]+)+-\d+$/, { message: 'must be a region name such as us-east-1' })
    S3_REGION = 'us-east-1';

    /** The bucket of this service's files (created at start when missing). */
    @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name (3-63 of a-z, 0-9, . and -)' })
    S3_BUCKET = 'telehealth-files';

    @IsString()
    @Matches(/^\S{3,128}$/, { message: 'must be an access key id' })
    S3_ACCESS_KEY_ID = S3_DEV_CREDENTIALS.S3_ACCESS_KEY_ID;

    @Secret()
    @IsString()
    @Matches(/^\S{16,}$/, { message: 'must be a secret access key (16+ characters, no spaces)' })
    @ProductionSafe('S3_SECRET_ACCESS_KEY')
    S3_SECRET_ACCESS_KEY = S3_DEV_CREDENTIALS.S3_SECRET_ACCESS_KEY;

    /** Path-style URLs (endpoint/bucket/key): what SeaweedFS and MinIO need; false for AWS virtual hosts. */
    @IsBoolean()
    S3_FORCE_PATH_STYLE = true;

    /** How long a presigned upload URL is valid. */
    @IsInt()
    @Min(30)
    @Max(3_600)
    S3_UPLOAD_URL_TTL_SECONDS = 300;

    /** How long a presigned download URL is valid (short: it is a bearer credential). */
    @IsInt()
    @Min(10)
    @Max(3_600)
    S3_DOWNLOAD_URL_TTL_SECONDS = 120;

    /** Size limits per purpose, in MB. */
    @IsInt()
    @Min(1)
    @Max(1_024)
    FILE_MAX_MB_MEDICAL_DOCUMENT = 20;

    @IsInt()
    @Min(1)
    @Max(1_024)
    FILE_MAX_MB_PRESCRIPTION = 10;

    @IsInt()
    @Min(1)
    @Max(1_024)
    FILE_MAX_MB_MESSAGE_ATTACHMENT = 20;

    @IsInt()
    @Min(1)
    @Max(4_096)
    FILE_MAX_MB_SCAN = 200;

    @IsInt()
    @Min(1)
    @Max(64)
    FILE_MAX_MB_AVATAR = 5;
  }
  return WithStorage;
}

/** The storage settings on their own (tests, and the type the storage classes take). */
export class StorageConfig extends WithStorageConfig(class {}) {}

/** What the storage classes read: the settings and the environment they run in. */
export type StorageSettings = StorageConfig & { NODE_ENV?: string };

/** The production rules, for configs not built by `loadConfig` (which applies them already). */
export function validateStorage(config: StorageSettings): void {
  const problems = (['S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_ENDPOINT'] as const)
    .map((key) => [key, productionProblem(key, config[key], config)] as const)
    .filter(([, problem]) => problem)
    .map(([key, problem]) => `${key}: ${problem}`);
  if (problems.length) throw new ConfigError(problems);
}

export const mb = (n: number): number => n * MB;
