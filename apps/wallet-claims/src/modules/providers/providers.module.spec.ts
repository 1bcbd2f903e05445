import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigError, loadConfig } from '@telehealth/config';
import { PaymentProviderName } from '@telehealth/contracts';
import { PAYMENT_PROVIDERS, type PaymentProviders } from './payment-provider';
import { PaystackProvider } from './paystack.provider';
import { ProvidersConfig } from './providers.config';
import { ProvidersModule, sandboxOf } from './providers.module';
import { StripeProvider } from './stripe.provider';

const config = {
  ...loadConfig(ProvidersConfig, {
    PAYMENT_PROVIDERS_ENABLED: 'stripe,paystack',
    PAYSTACK_SECRET_KEY: 'sk_test_1',
    STRIPE_SECRET_KEY: 'sk_test_2',
    STRIPE_WEBHOOK_SECRET: 'whsec_3',
  }),
  REDIS_URL: 'redis://127.0.0.1:1',
};

describe('ProvidersModule (without the sandbox: no Redis)', () => {
  it('provides the enabled providers by name, globally', async () => {
    @Module({})
    class Consumer {
      static register(providers: DynamicModule): DynamicModule {
        return { module: Consumer, imports: [providers] };
      }
    }
    const app = await NestFactory.createApplicationContext(Consumer.register(ProvidersModule.forRoot(config)), {
      logger: false,
    });
    const registry = app.get<PaymentProviders>(PAYMENT_PROVIDERS);
    expect([...registry.keys()]).toEqual([PaymentProviderName.STRIPE, PaymentProviderName.PAYSTACK]);
    expect(registry.get(PaymentProviderName.STRIPE)).toBeInstanceOf(StripeProvider);
    expect(registry.get(PaymentProviderName.PAYSTACK)).toBeInstanceOf(PaystackProvider);
    expect(registry.get(PaymentProviderName.SANDBOX)).toBeUndefined();
    expect(sandboxOf(registry)).toBeNull();
    await app.close();
  });

  it('refuses to build with an enabled provider missing its secret, naming the variable', () => {
    expect(() => ProvidersModule.forRoot({ ...config, PAYSTACK_SECRET_KEY: '' })).toThrow(ConfigError);
    expect(() => ProvidersModule.forRoot({ ...config, PAYSTACK_SECRET_KEY: '' })).toThrow(/PAYSTACK_SECRET_KEY/);
  });
});
