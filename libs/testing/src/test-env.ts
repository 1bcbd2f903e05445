/**
 * Settings shared by the test platform (started by the e2e global setup) and the tests that
 * talk to it or to the infrastructure directly.
 */
export const TEST_JWT = {
  JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnop',
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
/** The port base the e2e platform runs on (the gateway's port; service probes at +101..+106). */
export const platformPortBase = (): number => Number(process.env.E2E_PORT_BASE ?? TEST_PORT_BASE);
export const testDbPrefix = (): string => process.env.E2E_DB_PREFIX ?? 'test';
export const dbNameOf = (service: string): string => `${testDbPrefix()}_${service.replace(/-/g, '_')}`;
