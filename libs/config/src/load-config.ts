import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { secretKeysOf } from './secret.decorator';
import type { CommonConfig } from './service.config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n  - ${problems.join('\n  - ')}\nSet these environment variables (see README, "Configuration").`,
    );
  }
}

/**
 * Reads settings from the environment into a validated config class. Defaults are the
 * property initialisers (they work locally); a missing or malformed value throws a
 * {@link ConfigError} naming every offending variable, without printing secret values.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? fallback : coerce(value, typeof fallback);
  }
  const config = plainToInstance(cls, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length) {
    const secrets = new Set(secretKeysOf(config));
    throw new ConfigError(errors.map((e) => describe(e, secrets.has(e.property))));
  }
  return Object.freeze(config);
}

/** Environment values are strings: convert to the type of the setting's default. */
function coerce(value: string, type: string): unknown {
  if (type === 'number') return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (type === 'boolean')
    return ['true', '1', 'yes'].includes(value.toLowerCase())
      ? true
      : ['false', '0', 'no'].includes(value.toLowerCase())
        ? false
        : value;
  return value;
}

function describe(e: ValidationError, secret: boolean): string {
  const why = Object.values(e.constraints ?? {}).join('; ');
  return secret ? `${e.property}: ${why}` : `${e.property}=${JSON.stringify(e.value)}: ${why}`;
}

/** The config with secret values masked: safe to log. */
export function redactConfig(config: object): Record<string, unknown> {
  const secrets = new Set(secretKeysOf(config));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secrets.has(k) ? '***' : v]));
}

/** Loads config or exits with a message naming each bad setting (never a stack trace). */
export function loadConfigOrExit<C extends object>(cls: new () => C): C {
  try {
    const config = loadConfig(cls);
    const common = config as Partial<CommonConfig>;
    if (common.NODE_ENV === 'production' && common.FAULT_INJECTION_ENABLED) {
      throw new ConfigError(['FAULT_INJECTION_ENABLED: must be false in production']);
    }
    return config;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
