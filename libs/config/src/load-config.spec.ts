import { IsBoolean, IsInt, IsString, Min, MinLength } from 'class-validator';
import { ConfigError, loadConfig, redactConfig } from './load-config';
import { Secret } from './secret.decorator';
import { JwtConfig, JwtSigningConfig, ServiceConfig } from './service.config';

/** Runs fn and returns what it threw (fails the test if it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

class LocalConfig {
  @IsInt()
  @Min(1)
  COUNT = 3;

  @IsBoolean()
  ENABLED = false;

  @IsString()
  NAME = 'local';

  @Secret()
  @MinLength(12, { message: 'must be at least 12 characters' })
  API_KEY = 'default-api-key-123';
}

class ChildConfig extends ServiceConfig {
  @Secret()
  @MinLength(20, { message: 'must be at least 20 characters' })
  CHILD_TOKEN = 'child-token-default-value-0123';
}

describe('loadConfig', () => {
  it('loads the defaults when the environment is empty', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      NATS_URL: 'nats://127.0.0.1:4222',
      RPC_TIMEOUT_MS: 5_000,
      FAULT_INJECTION_ENABLED: false,
      MONGO_URI: 'mongodb://127.0.0.1:27017',
      HEALTH_PORT: 3100,
    });
    expect(loadConfig(JwtConfig, {}).ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig(ServiceConfig, { HEALTH_PORT: '', NATS_URL: '' })).toMatchObject({
      HEALTH_PORT: 3100,
      NATS_URL: 'nats://127.0.0.1:4222',
    });
  });

  it('returns a frozen config', () => {
    expect(Object.isFrozen(loadConfig(LocalConfig, {}))).toBe(true);
  });

  it('coerces numeric strings when the default is a number', () => {
    const config = loadConfig(ServiceConfig, { HEALTH_PORT: '8080', RPC_TIMEOUT_MS: ' 250 ' });
    expect(config.HEALTH_PORT).toBe(8080);
    expect(config.RPC_TIMEOUT_MS).toBe(250);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('coerces boolean string %j to %s when the default is a boolean', (raw, expected) => {
    expect(loadConfig(LocalConfig, { ENABLED: raw }).ENABLED).toBe(expected);
  });

  it('keeps strings as strings when the default is a string (no numeric coercion)', () => {
    expect(loadConfig(LocalConfig, { NAME: '42' }).NAME).toBe('42');
    expect(loadConfig(ServiceConfig, { MONGO_DB: '123' }).MONGO_DB).toBe('123');
  });

  it.each([
    ['NATS_URL', 'http://x'],
    ['HEALTH_PORT', 'abc'],
    ['HEALTH_PORT', '70000'],
    ['HEALTH_PORT', '1.5'],
    ['RPC_TIMEOUT_MS', '5'],
    ['NODE_ENV', 'staging'],
    ['FAULT_INJECTION_ENABLED', 'maybe'],
    ['MONGO_DB', 'bad name!'],
  ])('rejects %s=%j with a ConfigError naming the variable', (key, value) => {
    const err = thrown(() => loadConfig(ServiceConfig, { [key]: value }));
    expect(err).toBeInstanceOf(ConfigError);
    const configError = err as ConfigError;
    expect(configError.message).toContain(key);
    expect(configError.problems).toHaveLength(1);
    expect(configError.problems[0].startsWith(key)).toBe(true);
  });

  it('names every offending variable at once', () => {
    const err = thrown(() =>
      loadConfig(ServiceConfig, { NATS_URL: 'http://x', HEALTH_PORT: 'abc', RPC_TIMEOUT_MS: '5' }),
    ) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toHaveLength(3);
    for (const key of ['NATS_URL', 'HEALTH_PORT', 'RPC_TIMEOUT_MS']) expect(err.message).toContain(key);
  });

  it('shows the offending value of a non-secret setting', () => {
    const err = thrown(() => loadConfig(ServiceConfig, { NATS_URL: 'http://x' })) as ConfigError;
    expect(err.message).toContain('http://x');
  });

  it('never prints a malformed secret MONGO_URI (e.g. one carrying a password)', () => {
    const uri = 'postgres://admin:Sup3rS3cretPassw0rd@db.internal:5432/app';
    const err = thrown(() => loadConfig(ServiceConfig, { MONGO_URI: uri })) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('MONGO_URI');
    expect(err.message).not.toContain('Sup3rS3cretPassw0rd');
    expect(err.message).not.toContain('db.internal');
    expect(err.problems.join('\n')).not.toContain('Sup3rS3cretPassw0rd');
  });

  it('never prints a malformed JWT_SIGNING_KEY', () => {
    const err = thrown(() => loadConfig(JwtSigningConfig, { JWT_SIGNING_KEY: 'not*base64*secret' })) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('JWT_SIGNING_KEY');
    expect(err.message).toContain('PKCS#8 PEM private key');
    expect(err.message).not.toContain('not*base64*secret');
  });

  it('hides secrets of a local config class while still showing other bad values', () => {
    const err = thrown(() => loadConfig(LocalConfig, { API_KEY: 'tiny-key', COUNT: '0' })) as ConfigError;
    expect(err.message).toContain('API_KEY');
    expect(err.message).not.toContain('tiny-key');
    expect(err.message).toContain('COUNT=0');
  });

  it('hides secrets declared by a parent class and by the subclass itself', () => {
    const err = thrown(() =>
      loadConfig(ChildConfig, { MONGO_URI: 'redis://user:parentPassw0rd@h', CHILD_TOKEN: 'childTok3n' }),
    ) as ConfigError;
    expect(err.problems).toHaveLength(2);
    expect(err.message).toContain('MONGO_URI');
    expect(err.message).toContain('CHILD_TOKEN');
    expect(err.message).not.toContain('parentPassw0rd');
    expect(err.message).not.toContain('childTok3n');
  });

  it('does not leak secret markers into the parent class', () => {
    const parent = redactConfig(loadConfig(ServiceConfig, {}));
    expect(parent).not.toHaveProperty('CHILD_TOKEN');
    expect(parent.MONGO_URI).toBe('***');
  });
});

describe('redactConfig', () => {
  it('masks secrets and keeps every other setting', () => {
    const config = loadConfig(ServiceConfig, { MONGO_URI: 'mongodb://u:pw123456@host/db', HEALTH_PORT: '3200' });
    const redacted = redactConfig(config);
    expect(redacted.MONGO_URI).toBe('***');
    expect(redacted.HEALTH_PORT).toBe(3200);
    expect(redacted.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(Object.keys(redacted).sort()).toEqual(Object.keys(config).sort());
    expect(JSON.stringify(redacted)).not.toContain('pw123456');
    // The config itself is untouched.
    expect(config.MONGO_URI).toBe('mongodb://u:pw123456@host/db');
  });

  it('masks JWT_SIGNING_KEY and subclass secrets', () => {
    expect(redactConfig(loadConfig(JwtSigningConfig, {}))).toMatchObject({
      JWT_SIGNING_KEY: '***',
      JWT_ISSUER: 'telehealth-identity',
    });
    const child = redactConfig(loadConfig(ChildConfig, {}));
    expect(child).toMatchObject({ MONGO_URI: '***', CHILD_TOKEN: '***', MONGO_DB: 'telehealth' });
  });

  it('leaves a config without secrets unchanged', () => {
    class Plain {
      @IsString()
      A = 'a';
    }
    expect(redactConfig(loadConfig(Plain, {}))).toEqual({ A: 'a' });
  });
});
