/** The payment-provider layer of wallet-claims: what the top-ups service and routes use. */
export * from './payment-provider';
export * from './providers.config';
export * from './providers.tokens';
export * from './providers.module';
export * from './paystack.provider';
export * from './stripe.provider';
export * from './sandbox.provider';
export * from './sandbox-webhook.queue';
export * from './sandbox-webhook.worker';
export { BAD_BODY, BAD_SIGNATURE } from '@telehealth/messaging';
export { PROVIDER_REJECTED, PROVIDER_UNAVAILABLE } from './provider-http';
