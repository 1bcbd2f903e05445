import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { PaymentProviderName } from '@telehealth/contracts';
import { JobsModule } from '@telehealth/jobs';
import { WalletClaimsQueues } from '../../queues';
import { PAYMENT_PROVIDERS, type PaymentProvider, type PaymentProviders } from './payment-provider';
import { PaystackProvider } from './paystack.provider';
import { enabledProviders, validateProviders } from './providers.config';
import { PROVIDERS_CONFIG, type ProvidersModuleConfig } from './providers.tokens';
import { SandboxPaymentProvider } from './sandbox.provider';
import {
  DEFAULT_SANDBOX_DELIVERY,
  SandboxWebhookQueue,
  sandboxDeliveryJobs,
  type SandboxDeliveryPolicy,
} from './sandbox-webhook.queue';
import { SandboxWebhookWorker } from './sandbox-webhook.worker';
import { StripeProvider } from './stripe.provider';

export interface ProvidersModuleOptions {
  /** Retries of sandbox webhook deliveries (tests shorten them). */
  sandboxDelivery?: SandboxDeliveryPolicy;
  /** Run the sandbox delivery worker in this process (default true; false registers the queue without one). */
  sandboxWorker?: boolean;
}

/** The sandbox provider when it is enabled (the sandbox checkout route completes payments through it). */
export function sandboxOf(providers: PaymentProviders): SandboxPaymentProvider | null {
  const sandbox = providers.get(PaymentProviderName.SANDBOX);
  return sandbox instanceof SandboxPaymentProvider ? sandbox : null;
}

/**
 * The payment providers enabled by PAYMENT_PROVIDERS_ENABLED, as the registry
 * {@link PAYMENT_PROVIDERS} (a ReadonlyMap by {@link PaymentProviderName}). With the sandbox
 * enabled it also registers the sandbox's webhook queue and its handler (needs
 * `JobsModule.forRoot` in the app). Global: import it once, in the root module.
 */
@Module({})
export class ProvidersModule {
  static forRoot(config: ProvidersModuleConfig, options: ProvidersModuleOptions = {}): DynamicModule {
    validateProviders(config);
    const names = enabledProviders(config);
    const sandbox = names.includes(PaymentProviderName.SANDBOX);
    const providers: Provider[] = [{ provide: PROVIDERS_CONFIG, useValue: config }];
    const worker = options.sandboxWorker !== false;
    if (sandbox) {
      providers.push(SandboxWebhookQueue, {
        provide: SandboxPaymentProvider,
        useFactory: (queue: SandboxWebhookQueue) => new SandboxPaymentProvider(config, queue),
        inject: [SandboxWebhookQueue],
      });
      if (worker) providers.push(SandboxWebhookWorker);
    }
    providers.push({
      provide: PAYMENT_PROVIDERS,
      useFactory: (sandboxProvider?: SandboxPaymentProvider): PaymentProviders => {
        const registry = new Map<PaymentProviderName, PaymentProvider>();
        for (const name of names) {
          if (name === PaymentProviderName.SANDBOX && sandboxProvider) registry.set(name, sandboxProvider);
          if (name === PaymentProviderName.PAYSTACK) registry.set(name, new PaystackProvider(config));
          if (name === PaymentProviderName.STRIPE) registry.set(name, new StripeProvider(config));
        }
        return registry;
      },
      inject: sandbox ? [SandboxPaymentProvider] : [],
    });
    return {
      module: ProvidersModule,
      global: true,
      imports: sandbox
        ? [
            JobsModule.forFeature([
              {
                queue: WalletClaimsQueues.sandboxWebhooks,
                jobs: sandboxDeliveryJobs(options.sandboxDelivery ?? DEFAULT_SANDBOX_DELIVERY),
                worker: worker && { concurrency: 4 },
              },
            ]),
          ]
        : [],
      providers,
      exports: [PAYMENT_PROVIDERS, PROVIDERS_CONFIG, ...(sandbox ? [SandboxPaymentProvider, SandboxWebhookQueue] : [])],
    };
  }
}
