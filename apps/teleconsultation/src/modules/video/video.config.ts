import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { ConfigError, Secret } from '@telehealth/config';
import { VideoProviderName } from '@telehealth/contracts';

const NAMES = Object.values(VideoProviderName) as string[];

/**
 * The development values of every provider setting: the sandbox signs real tokens and webhooks
 * with them, so it needs no account anywhere. With VIDEO_SANDBOX=false the chosen provider's
 * settings must all be set to something else (and the sandbox is refused in production).
 */
export const VIDEO_DEV_DEFAULTS = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'devkey',
  LIVEKIT_API_SECRET: 'dev-only-livekit-api-secret-0123456789',
  JITSI_DOMAIN: 'meet.jitsi',
  JITSI_APP_ID: 'telehealth-dev',
  JITSI_APP_SECRET: 'dev-only-jitsi-app-secret-0123456789ab',
  JITSI_WEBHOOK_SECRET: 'dev-only-jitsi-webhook-secret-01234567',
  DAILY_DOMAIN: 'telehealth-dev.daily.co',
  DAILY_DOMAIN_ID: '00000000-0000-4000-8000-000000000000',
  DAILY_API_KEY: 'dev-only-daily-api-key-0123456789abcdef',
  /** base64 of 32 bytes, as Daily issues webhook secrets. */
  DAILY_WEBHOOK_SECRET: 'ZGV2LW9ubHktZGFpbHktd2ViaG9vay1zZWNyZXQtMDE=',
} satisfies Record<string, string>;

type ProviderKey = keyof typeof VIDEO_DEV_DEFAULTS;

/** The settings each provider needs for real (VIDEO_SANDBOX=false). */
export const VIDEO_PROVIDER_SETTINGS: Record<VideoProviderName, readonly ProviderKey[]> = {
  [VideoProviderName.LIVEKIT]: ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'],
  [VideoProviderName.JITSI]: ['JITSI_DOMAIN', 'JITSI_APP_ID', 'JITSI_APP_SECRET', 'JITSI_WEBHOOK_SECRET'],
  [VideoProviderName.DAILY]: ['DAILY_DOMAIN', 'DAILY_DOMAIN_ID', 'DAILY_API_KEY', 'DAILY_WEBHOOK_SECRET'],
};

type CrossFields = { VIDEO_PROVIDER?: unknown; VIDEO_SANDBOX?: unknown; NODE_ENV?: unknown };

const SANDBOX_IN_PRODUCTION = 'must be false in production (the sandbox signs with development secrets)';
const WSS_IN_PRODUCTION = 'must be a wss:// URL in production';
const liveMessage = (provider: string) =>
  `must be set (not the development default) when VIDEO_PROVIDER=${provider} and VIDEO_SANDBOX=false`;

/** The provider whose settings must be real: the chosen one, when the sandbox is off. */
const liveProvider = (config: CrossFields): string | null =>
  config.VIDEO_SANDBOX === false && typeof config.VIDEO_PROVIDER === 'string' ? config.VIDEO_PROVIDER : null;

/** The cross-field rule of one provider setting, or null when it holds. */
function settingProblem(key: ProviderKey, value: unknown, config: CrossFields): string | null {
  const provider = liveProvider(config);
  if (provider && VIDEO_PROVIDER_SETTINGS[provider as VideoProviderName]?.includes(key)) {
    if (!value || value === VIDEO_DEV_DEFAULTS[key]) return liveMessage(provider);
  }
  if (key === 'LIVEKIT_URL' && config.NODE_ENV === 'production' && provider === VideoProviderName.LIVEKIT) {
    if (typeof value !== 'string' || !value.startsWith('wss://')) return WSS_IN_PRODUCTION;
  }
  return null;
}

/** `@ValidateBy` form of {@link settingProblem}, so `loadConfig` reports it with the other problems. */
function RealWhenLive(key: ProviderKey): PropertyDecorator {
  return ValidateBy({
    name: 'videoRealWhenLive',
    validator: {
      validate: (value, args) => settingProblem(key, value, args?.object as CrossFields) === null,
      defaultMessage: (args?: ValidationArguments) =>
        settingProblem(key, args?.value, args?.object as CrossFields) ?? 'is invalid',
    },
  });
}

function NotInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'videoSandboxNotInProduction',
    validator: {
      validate: (value, args) => !(value === true && (args?.object as CrossFields).NODE_ENV === 'production'),
      defaultMessage: () => SANDBOX_IN_PRODUCTION,
    },
  });
}

/** A base64 string of at least 16 bytes (Daily's webhook secret, as Daily issues it). */
function IsBase64Key(): PropertyDecorator {
  return ValidateBy({
    name: 'videoBase64Key',
    validator: {
      validate: (value) => base64KeyProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => base64KeyProblem(args?.value) ?? 'is invalid',
    },
  });
}

function base64KeyProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) {
    return 'must be base64 (as Daily issues webhook secrets)';
  }
  return Buffer.from(value, 'base64').length >= 16 ? null : 'must decode to at least 16 bytes';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * Adds the video-provider settings to a config class, with their validation:
 * `class TeleconsultationConfig extends WithVideoConfig(ServiceConfig) { ... }`.
 * The chosen provider's settings must be real when VIDEO_SANDBOX=false, and the sandbox is refused
 * in production: `loadConfig` fails naming each offending variable.
 */
export function WithVideoConfig<TBase extends Constructor>(Base: TBase) {
  class WithVideo extends Base {
    /** livekit (default), jitsi or daily. */
    @IsIn(NAMES, { message: `must be one of ${NAMES.join(', ')}` })
    VIDEO_PROVIDER: VideoProviderName = VideoProviderName.LIVEKIT;

    /**
     * True (default): the provider's development settings below are accepted, so nothing outside
     * is needed; tokens and webhooks are still really signed. Refused in production.
     */
    @IsBoolean()
    @NotInProduction()
    VIDEO_SANDBOX = true;

    /** How long a join token lets its holder in (minutes, never the providers' hours). */
    @IsInt()
    @Min(60)
    @Max(3_600)
    VIDEO_TOKEN_TTL_SECONDS = 600;

    /** A webhook signed (or describing an event) further than this from now is refused as stale. */
    @IsInt()
    @Min(1)
    @Max(3_600)
    VIDEO_WEBHOOK_TOLERANCE_SECONDS = 300;

    /** Where clients connect to LiveKit (wss://... ; ws:// only outside production). */
    @Matches(/^wss?:\/\/\S+$/, { message: 'must be a ws:// or wss:// URL' })
    @RealWhenLive('LIVEKIT_URL')
    LIVEKIT_URL = VIDEO_DEV_DEFAULTS.LIVEKIT_URL;

    /** The API key: the issuer of join tokens and of LiveKit's webhook JWTs. */
    @Matches(/^\S+$/, { message: 'must be a LiveKit API key' })
    @RealWhenLive('LIVEKIT_API_KEY')
    LIVEKIT_API_KEY = VIDEO_DEV_DEFAULTS.LIVEKIT_API_KEY;

    /** Signs join tokens and verifies webhooks (HS256). */
    @Secret()
    @IsString()
    @MinLength(32, { message: 'must be at least 32 characters' })
    @RealWhenLive('LIVEKIT_API_SECRET')
    LIVEKIT_API_SECRET = VIDEO_DEV_DEFAULTS.LIVEKIT_API_SECRET;

    /** The Jitsi Meet host: rooms are https://{JITSI_DOMAIN}/{room}; also the token's `sub`. */
    @Matches(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, { message: 'must be a host name (meet.example.com)' })
    @RealWhenLive('JITSI_DOMAIN')
    JITSI_DOMAIN = VIDEO_DEV_DEFAULTS.JITSI_DOMAIN;

    /** prosody token_auth `app_id`: the token's `iss`. */
    @Matches(/^\S+$/, { message: 'must be the prosody app_id' })
    @RealWhenLive('JITSI_APP_ID')
    JITSI_APP_ID = VIDEO_DEV_DEFAULTS.JITSI_APP_ID;

    /** prosody token_auth `app_secret`: signs join tokens (HS256). */
    @Secret()
    @IsString()
    @MinLength(32, { message: 'must be at least 32 characters' })
    @RealWhenLive('JITSI_APP_SECRET')
    JITSI_APP_SECRET = VIDEO_DEV_DEFAULTS.JITSI_APP_SECRET;

    /** Shared with the prosody event relay: HMAC-SHA256 of each event's raw body. */
    @Secret()
    @IsString()
    @MinLength(32, { message: 'must be at least 32 characters' })
    @RealWhenLive('JITSI_WEBHOOK_SECRET')
    JITSI_WEBHOOK_SECRET = VIDEO_DEV_DEFAULTS.JITSI_WEBHOOK_SECRET;

    /** The Daily domain: rooms are https://{DAILY_DOMAIN}/{room}. */
    @Matches(/^[a-z0-9-]+\.daily\.co$/, { message: 'must be <subdomain>.daily.co' })
    @RealWhenLive('DAILY_DOMAIN')
    DAILY_DOMAIN = VIDEO_DEV_DEFAULTS.DAILY_DOMAIN;

    /** The domain_id (Daily's domain configuration endpoint): self-signed tokens carry it as `d`. */
    @IsUUID('all', { message: 'must be the Daily domain_id (a UUID)' })
    @RealWhenLive('DAILY_DOMAIN_ID')
    DAILY_DOMAIN_ID = VIDEO_DEV_DEFAULTS.DAILY_DOMAIN_ID;

    /** The Daily API key: signs meeting tokens (self-signed, HS256). */
    @Secret()
    @IsString()
    @MinLength(32, { message: 'must be at least 32 characters' })
    @RealWhenLive('DAILY_API_KEY')
    DAILY_API_KEY = VIDEO_DEV_DEFAULTS.DAILY_API_KEY;

    /** The webhook's HMAC secret, base64 as Daily returns it when the webhook is created. */
    @Secret()
    @IsBase64Key()
    @RealWhenLive('DAILY_WEBHOOK_SECRET')
    DAILY_WEBHOOK_SECRET = VIDEO_DEV_DEFAULTS.DAILY_WEBHOOK_SECRET;
  }
  return WithVideo;
}

/** The video settings on their own (tests, and the type the video module takes). */
export class VideoConfig extends WithVideoConfig(class {}) {}

/** What the video module needs: its settings and the environment it runs in. */
export type VideoModuleConfig = VideoConfig & { NODE_ENV?: string };

/**
 * Cross-field rules, for configs not built by `loadConfig` (which already applies them): an
 * unknown provider, the sandbox in production, a provider used for real (VIDEO_SANDBOX=false)
 * with a setting missing or left at its development value. Throws a {@link ConfigError} naming
 * every offending variable.
 */
export function validateVideo(config: VideoModuleConfig): void {
  const problems: string[] = [];
  if (!NAMES.includes(config.VIDEO_PROVIDER)) {
    problems.push(`VIDEO_PROVIDER: must be one of ${NAMES.join(', ')}`);
  }
  if (config.VIDEO_SANDBOX === true && config.NODE_ENV === 'production') {
    problems.push(`VIDEO_SANDBOX: ${SANDBOX_IN_PRODUCTION}`);
  }
  const ttl = config.VIDEO_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 3_600) {
    problems.push('VIDEO_TOKEN_TTL_SECONDS: must be an integer from 60 to 3600');
  }
  for (const key of Object.keys(VIDEO_DEV_DEFAULTS) as ProviderKey[]) {
    const problem = settingProblem(key, config[key], config);
    if (problem) problems.push(`${key}: ${problem}`);
  }
  const daily = config.VIDEO_PROVIDER === VideoProviderName.DAILY;
  const dailySecret = daily ? base64KeyProblem(config.DAILY_WEBHOOK_SECRET) : null;
  if (dailySecret && !problems.some((p) => p.startsWith('DAILY_WEBHOOK_SECRET'))) {
    problems.push(`DAILY_WEBHOOK_SECRET: ${dailySecret}`);
  }
  if (problems.length) throw new ConfigError(problems);
}
