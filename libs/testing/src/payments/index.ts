/** Test support for payment providers: fake provider APIs, webhooks signed as each provider documents. */
export * from './fake-provider-server';
export * from './sign-webhooks';
export * from './webhook-payloads';
export * from './webhook-receiver';
export * from './paystack-reference';
