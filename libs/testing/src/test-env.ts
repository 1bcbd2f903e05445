import { databaseOf, type BackendService } from '@telehealth/contracts';

/**
 * Settings shared by the test platform (started by the e2e global setup) and the tests that
 * talk to it or to the infrastructure directly.
 */
export const TEST_JWT = {
  /** Identity's ES256 signing key on the test platform (the tests forge tokens with it, and with others). */
  JWT_SIGNING_KEY:
    'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ01JSFdaYk0rdGsyL2YvUkwKWE5TdTFIZUtxWUFpSGcyNCs5bWRsbnZJcU4raFJBTkNBQVRUcUQ2d20xZFpKMW9lN0RKYlBicExBNnNwNk9LUgovYUwxT0xaNUs0ZlcwTUpSZkUvZXFkVjEyQ1k0clBiMFowL29vTm5RcjRxVVRSMDBIRG93b3l1bwotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==',
  JWT_KEY_ID: 'e2e-1',
  JWT_ISSUER: 'telehealth-identity',
  JWT_AUDIENCE: 'telehealth-api',
};
export const TEST_PII_KEY = 'ZTJlLW9ubHktcGlpLWtleS0wMTIzNDU2Nzg5YWJjZGU=';
export const TEST_PORT_BASE = 3300;
export const MONGO_URI = process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017';
export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Set by the e2e global setup for the test workers. */
export const gatewayUrl = (): string => process.env.E2E_GATEWAY_URL ?? `http://127.0.0.1:${TEST_PORT_BASE}`;
/** The port base the e2e platform runs on (the gateway's port; each service's probes at its offset in SERVICES). */
export const platformPortBase = (): number => Number(process.env.E2E_PORT_BASE ?? TEST_PORT_BASE);
export const testDbPrefix = (): string => process.env.E2E_DB_PREFIX ?? 'test';
/** A service's database on the e2e platform. */
export const dbNameOf = (service: BackendService): string => databaseOf(testDbPrefix(), service);

/**
 * The payment providers of the test platform: all three enabled (sandbox first, so it takes
 * card payments), Paystack and Stripe pointed at a fake API on loopback (the e2e global setup
 * starts it and sets PAYSTACK_BASE_URL/STRIPE_BASE_URL), with secrets the tests sign webhooks with.
 */
export const TEST_PAYMENTS = {
  PAYMENT_PROVIDERS_ENABLED: 'sandbox,paystack,stripe',
  PAYSTACK_SECRET_KEY: 'sk_test_e2e_paystack_0123456789abcdef',
  STRIPE_SECRET_KEY: 'sk_test_e2e_stripe_0123456789abcdef',
  STRIPE_WEBHOOK_SECRET: 'whsec_e2e_0123456789abcdef0123456789',
  SANDBOX_WEBHOOK_SECRET: 'e2e-sandbox-webhook-secret-0123456789',
};

/**
 * The video settings of the test platform: the sandbox (real tokens, no outside service) with
 * keys of its own, which the tests verify tokens and sign provider webhooks with.
 */
export const TEST_VIDEO = {
  VIDEO_PROVIDER: 'livekit',
  VIDEO_SANDBOX: 'true',
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'e2e-livekit-key',
  LIVEKIT_API_SECRET: 'e2e-livekit-secret-0123456789abcdef0123',
  JITSI_WEBHOOK_SECRET: 'e2e-jitsi-webhook-secret-0123456789abc',
  DAILY_WEBHOOK_SECRET: 'ZTJlLWRhaWx5LXdlYmhvb2stc2VjcmV0LTAxMjM0NQ==',
};

/**
 * The object store of tests: the SeaweedFS `npm run infra:up --tests` starts, shared like NATS and
 * Redis, with a bucket of this run's own (tools/test/jest.mjs names it in S3_BUCKET and deletes it
 * with the run), so runs never see each other's files. The credentials are infra's development key.
 */
export const TEST_S3 = {
  S3_ENDPOINT: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:8333',
  S3_REGION: process.env.S3_REGION ?? 'us-east-1',
  S3_BUCKET: process.env.S3_BUCKET ?? 'telehealth-test',
  S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID ?? 'telehealth-dev',
  S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY ?? 'dev-only-s3-secret-key-0123456789abcdef',
};
