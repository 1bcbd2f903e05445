import { TEST_S3 } from '@telehealth/testing';
import { ObjectStore } from '../object-store';
import { StorageConfig } from '../storage.config';

const storeWith = (overrides: Partial<StorageConfig>) =>
  new ObjectStore(Object.assign(new StorageConfig(), TEST_S3, overrides));

describe('ObjectStore against the real S3 server', () => {
  it('creates its bucket once, and finds it there the next time (another replica starting)', async () => {
    const store = storeWith({});
    await store.ensureBucket();
    await Promise.all([store.ensureBucket(), storeWith({}).ensureBucket()]);
    await store.put('probe/a', Buffer.from('%PDF-1.7\n'), 'application/pdf');
    expect(await store.head('probe/a')).toMatchObject({ size: 9, contentType: 'application/pdf' });
    await store.delete('probe/a');
    expect(await store.head('probe/a')).toBeNull();
    store.destroy();
  });

  it('refuses to start with a wrong secret, or no store, saying what to check', async () => {
    const wrongKey = storeWith({ S3_SECRET_ACCESS_KEY: 'not-the-right-secret-at-all-0123' });
    await expect(wrongKey.ensureBucket()).rejects.toThrow(/S3_SECRET_ACCESS_KEY/);
    wrongKey.destroy();
    const nothing = storeWith({ S3_ENDPOINT: 'http://127.0.0.1:9' });
    await expect(nothing.ensureBucket()).rejects.toThrow(/npm run infra:up/);
    nothing.destroy();
  });
});
