import { ConfigError, ServiceConfig, loadConfig, redactConfig } from '@telehealth/config';
import { PaymentProviderName } from '@telehealth/contracts';
import { ProvidersConfig, WithProvidersConfig, enabledProviders, validateProviders } from './providers.config';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const PAYSTACK = { PAYMENT_PROVIDERS_ENABLED: 'sandbox,paystack', PAYSTACK_SECRET_KEY: 'sk_test_abc123' };
const STRIPE = {
  PAYMENT_PROVIDERS_ENABLED: 'stripe',
  STRIPE_SECRET_KEY: 'sk_test_def456',
  STRIPE_WEBHOOK_SECRET: 'whsec_ghi789',
};

describe('ProvidersConfig', () => {
  it('works locally with no environment: the sandbox only', () => {
    const config = loadConfig(ProvidersConfig, {});
    expect(config).toMatchObject({
      PAYMENT_PROVIDERS_ENABLED: 'sandbox',
      PAYSTACK_SECRET_KEY: '',
      PAYSTACK_BASE_URL: 'https://api.paystack.co',
      STRIPE_BASE_URL: 'https://api.stripe.com',
      STRIPE_TOLERANCE_SECONDS: 300,
      SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3000/v1/webhooks/sandbox',
      SANDBOX_DEFAULT_DELAY_MS: 300,
      PUBLIC_URL: 'http://localhost:3000',
    });
    expect(enabledProviders(config)).toEqual([PaymentProviderName.SANDBOX]);
    expect(() => validateProviders(config)).not.toThrow();
  });

  it('loads Paystack and Stripe when their secrets are set', () => {
    expect(enabledProviders(loadConfig(ProvidersConfig, PAYSTACK))).toEqual(['sandbox', 'paystack']);
    expect(enabledProviders(loadConfig(ProvidersConfig, STRIPE))).toEqual(['stripe']);
    expect(
      enabledProviders(
        loadConfig(ProvidersConfig, {
          ...PAYSTACK,
          ...STRIPE,
          PAYMENT_PROVIDERS_ENABLED: ' stripe , paystack,stripe ',
        }),
      ),
    ).toEqual(['stripe', 'paystack']);
  });

  it.each([
    [{ PAYMENT_PROVIDERS_ENABLED: 'paystack' }, ['PAYSTACK_SECRET_KEY']],
    [{ PAYMENT_PROVIDERS_ENABLED: 'stripe' }, ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']],
    [{ ...STRIPE, STRIPE_WEBHOOK_SECRET: '' }, ['STRIPE_WEBHOOK_SECRET']],
  ])('refuses a provider enabled without its secrets (%j), naming each variable', (env, missing) => {
    const err = configError(() => loadConfig(ProvidersConfig, env));
    expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual([...missing].sort());
    for (const key of missing) expect(err.message).toContain(`${key}: must be set when`);
  });

  it('refuses a key of the wrong kind without printing it', () => {
    const err = configError(() =>
      loadConfig(ProvidersConfig, {
        ...STRIPE,
        STRIPE_SECRET_KEY: 'pk_test_publishable999',
        STRIPE_WEBHOOK_SECRET: 'sk_test_swapped888',
      }),
    );
    expect(err.message).toContain('STRIPE_SECRET_KEY');
    expect(err.message).toContain('STRIPE_WEBHOOK_SECRET');
    expect(err.message).not.toContain('publishable999');
    expect(err.message).not.toContain('swapped888');
  });

  it.each([
    ['PAYMENT_PROVIDERS_ENABLED', 'sandbox,paypal'],
    ['PAYMENT_PROVIDERS_ENABLED', ','],
    ['STRIPE_TOLERANCE_SECONDS', '0'],
    ['SANDBOX_DEFAULT_DELAY_MS', '-5'],
    ['SANDBOX_WEBHOOK_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://x'],
    ['SANDBOX_WEBHOOK_SECRET', 'short'],
    ['PAYMENT_PROVIDER_TIMEOUT_MS', '5'],
  ])('refuses %s=%j naming it', (key, value) => {
    const err = configError(() => loadConfig(ProvidersConfig, { [key]: value }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].startsWith(key)).toBe(true);
  });

  it('mixes into a service config: both sets of settings, validation and secret masking', () => {
    class Mixed extends WithProvidersConfig(ServiceConfig) {
      override HEALTH_PORT = 3104;
    }
    const config = loadConfig(Mixed, PAYSTACK);
    expect(config).toMatchObject({ HEALTH_PORT: 3104, MONGO_DB: 'telehealth', PAYSTACK_SECRET_KEY: 'sk_test_abc123' });
    expect(redactConfig(config)).toMatchObject({
      MONGO_URI: '***',
      PAYSTACK_SECRET_KEY: '***',
      STRIPE_WEBHOOK_SECRET: '***',
      SANDBOX_WEBHOOK_SECRET: '***',
      PAYSTACK_BASE_URL: 'https://api.paystack.co',
    });
    const err = configError(() => loadConfig(Mixed, { PAYMENT_PROVIDERS_ENABLED: 'paystack', HEALTH_PORT: 'x' }));
    expect(err.problems.map((p) => p.split(/[=:]/)[0]).sort()).toEqual(['HEALTH_PORT', 'PAYSTACK_SECRET_KEY']);
  });
});

describe('validateProviders', () => {
  const base = loadConfig(ProvidersConfig, {});

  it('names the missing secret of an enabled provider in a config built by hand', () => {
    const err = configError(() =>
      validateProviders({ ...base, PAYMENT_PROVIDERS_ENABLED: 'sandbox,stripe', STRIPE_SECRET_KEY: 'sk_test_1' }),
    );
    expect(err.problems).toEqual(['STRIPE_WEBHOOK_SECRET: must be set when stripe is in PAYMENT_PROVIDERS_ENABLED']);
  });

  it('refuses the sandbox in production (anyone with its secret could credit wallets), not elsewhere', () => {
    const err = configError(() => validateProviders({ ...base, NODE_ENV: 'production' }));
    expect(err.problems).toEqual(['PAYMENT_PROVIDERS_ENABLED: sandbox must not be enabled in production']);
    expect(() => validateProviders({ ...base, NODE_ENV: 'test' })).not.toThrow();
    expect(() =>
      validateProviders({ ...base, ...PAYSTACK, PAYMENT_PROVIDERS_ENABLED: 'paystack', NODE_ENV: 'production' }),
    ).not.toThrow();
  });

  it('refuses an unreadable provider list', () => {
    expect(configError(() => validateProviders({ ...base, PAYMENT_PROVIDERS_ENABLED: 'cash' })).problems[0]).toMatch(
      /^PAYMENT_PROVIDERS_ENABLED/,
    );
  });
});
