/** Test support for the payment providers: fake provider APIs, signed webhooks, realistic payloads. */
export * from './fake-provider-server';
export * from './paystack-reference';
export * from './sign-webhooks';
export * from './webhook-payloads';
export * from './webhook-receiver';
