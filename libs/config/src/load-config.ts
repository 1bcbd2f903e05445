import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { secretKeysOf } from './secret.decorator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSet these environment variables (see README, "Configuration").`);
  }
}

/**
 * Reads settings from the environment into a validated config class. Defaults are the
 * property initialisers (they work locally); a missing or malformed value throws a
 * {@link ConfigError} naming every offending variable, without printing secret values.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new cls();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    raw[key] = env[key] !== undefined && env[key] !== '' ? env[key] : (defaults as Record<string, unknown>)[key];
  }
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length) {
    const secrets = new Set(secretKeysOf(config));
    throw new ConfigError(errors.map((e) => describe(e, secrets.has(e.property))));
  }
  return Object.freeze(config);
}

function describe(e: ValidationError, secret: boolean): string {
  const why = Object.values(e.constraints ?? {}).join('; ');
  return secret ? `${e.property}: ${why}` : `${e.property}=${JSON.stringify(e.value)}: ${why}`;
}

/** The config with secret values masked: safe to log. */
export function redactConfig(config: object): Record<string, unknown> {
  const secrets = new Set(secretKeysOf(config));
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, secrets.has(k) ? '***' : v]),
  );
}
