import { IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf, type ValidationArguments } from 'class-validator';
import { ConfigError, Secret } from '@telehealth/config';
import { PaymentProviderName } from '@telehealth/contracts';

const NAMES = Object.values(PaymentProviderName) as string[];
const NAME = `(${NAMES.join('|')})`;
const LIST = new RegExp(`^\\s*${NAME}\\s*(,\\s*${NAME}\\s*)*$`);
const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** The providers named in PAYMENT_PROVIDERS_ENABLED, in order, without duplicates. */
export function enabledProviders(config: Pick<ProvidersConfig, 'PAYMENT_PROVIDERS_ENABLED'>): PaymentProviderName[] {
  const names = config.PAYMENT_PROVIDERS_ENABLED.split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return [...new Set(names)].filter((n): n is PaymentProviderName => NAMES.includes(n));
}

const isEnabled = (name: PaymentProviderName) => (config: ProvidersConfig) =>
  typeof config.PAYMENT_PROVIDERS_ENABLED === 'string' && enabledProviders(config).includes(name);

/** "must be set when ..." for a missing secret, `kind` for a malformed one. */
const secretMessage = (provider: string, kind: string) => (args: ValidationArguments) =>
  args.value ? kind : `must be set when ${provider} is in PAYMENT_PROVIDERS_ENABLED`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * Adds the payment-provider settings to a config class, with their validation:
 * `class WalletClaimsConfig extends WithProvidersConfig(ServiceConfig) { ... }`.
 * A provider enabled without its secrets fails `loadConfig` naming the missing variable.
 */
export function WithProvidersConfig<TBase extends Constructor>(Base: TBase) {
  class WithProviders extends Base {
    /** Comma-separated: sandbox, paystack, stripe. */
    @Matches(LIST, { message: `must be a comma-separated list of ${NAMES.join(', ')}` })
    PAYMENT_PROVIDERS_ENABLED = 'sandbox';

    /** How long a call to a provider's API may take before the request fails with 503. */
    @IsInt()
    @Min(100)
    @Max(60_000)
    PAYMENT_PROVIDER_TIMEOUT_MS = 10_000;

    /** Paystack secret key (sk_test_... / sk_live_...): authorises API calls and signs webhooks. */
    @Secret()
    @ValidateIf(isEnabled(PaymentProviderName.PAYSTACK))
    @Matches(/^sk_(test|live)_\S+$/, {
      message: secretMessage('paystack', 'must be a Paystack secret key (sk_test_... or sk_live_...)'),
    })
    PAYSTACK_SECRET_KEY = '';

    @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
    PAYSTACK_BASE_URL = 'https://api.paystack.co';

    /** Stripe secret or restricted key (sk_... / rk_...): authorises API calls. */
    @Secret()
    @ValidateIf(isEnabled(PaymentProviderName.STRIPE))
    @Matches(/^(sk|rk)_(test|live)_\S+$/, {
      message: secretMessage('stripe', 'must be a Stripe secret key (sk_test_... or sk_live_...)'),
    })
    STRIPE_SECRET_KEY = '';

    /** The signing secret of the webhook endpoint (whsec_...). */
    @Secret()
    @ValidateIf(isEnabled(PaymentProviderName.STRIPE))
    @Matches(/^whsec_\S+$/, {
      message: secretMessage('stripe', 'must be a Stripe webhook signing secret (whsec_...)'),
    })
    STRIPE_WEBHOOK_SECRET = '';

    @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
    STRIPE_BASE_URL = 'https://api.stripe.com';

    /** A Stripe-Signature timestamp further than this from now (either way) is refused. */
    @IsInt()
    @Min(1)
    @Max(3_600)
    STRIPE_TOLERANCE_SECONDS = 300;

    /** Signs the sandbox provider's webhooks (HMAC-SHA256 of the raw body). */
    @Secret()
    @IsString()
    @MinLength(16, { message: 'must be at least 16 characters' })
    SANDBOX_WEBHOOK_SECRET = 'dev-only-sandbox-webhook-secret-0123';

    /** Where the sandbox delivers its signed webhooks (the gateway's webhook route). */
    @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
    SANDBOX_WEBHOOK_URL = 'http://127.0.0.1:3000/v1/webhooks/sandbox';

    /** How long after checkout the sandbox reports its outcome, unless the request says otherwise. */
    @IsInt()
    @Min(0)
    @Max(3_600_000)
    SANDBOX_DEFAULT_DELAY_MS = 300;

    /** The public base URL of the API: checkout pages and return URLs are built on it. */
    @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
    PUBLIC_URL = 'http://localhost:3000';
  }
  return WithProviders;
}

/** The payment-provider settings on their own (tests, and the type the providers module takes). */
export class ProvidersConfig extends WithProvidersConfig(class {}) {}

/**
 * Cross-field rules, for configs not built by `loadConfig` (which already applies the
 * secret rules): a provider enabled without its secrets, and the sandbox in production
 * (anyone knowing its secret could credit wallets). Throws a {@link ConfigError} naming
 * every offending variable.
 */
export function validateProviders(config: ProvidersConfig & { NODE_ENV?: string }): void {
  const problems: string[] = [];
  const names = enabledProviders(config);
  if (!LIST.test(config.PAYMENT_PROVIDERS_ENABLED ?? '')) {
    problems.push(`PAYMENT_PROVIDERS_ENABLED: must be a comma-separated list of ${NAMES.join(', ')}`);
  }
  const need = (key: keyof ProvidersConfig, provider: string) => {
    if (!config[key]) problems.push(`${key}: must be set when ${provider} is in PAYMENT_PROVIDERS_ENABLED`);
  };
  if (names.includes(PaymentProviderName.PAYSTACK)) need('PAYSTACK_SECRET_KEY', 'paystack');
  if (names.includes(PaymentProviderName.STRIPE)) {
    need('STRIPE_SECRET_KEY', 'stripe');
    need('STRIPE_WEBHOOK_SECRET', 'stripe');
  }
  if (names.includes(PaymentProviderName.SANDBOX)) {
    if ((config.SANDBOX_WEBHOOK_SECRET ?? '').length < 16) {
      problems.push('SANDBOX_WEBHOOK_SECRET: must be at least 16 characters');
    }
    if (config.NODE_ENV === 'production') {
      problems.push('PAYMENT_PROVIDERS_ENABLED: sandbox must not be enabled in production');
    }
  }
  if (problems.length) throw new ConfigError(problems);
}
