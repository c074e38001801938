import { ConfigError } from '@app/config';
import { loadWorkerConfig } from './worker.config';

describe('worker configuration: read-model reconciliation', () => {
  it('runs every hour by default, takes s/m/h/d, and off', () => {
    expect(loadWorkerConfig({}).RECONCILE_INTERVAL).toBe(3_600_000);
    expect(loadWorkerConfig({ RECONCILE_INTERVAL: '15m' }).RECONCILE_INTERVAL).toBe(900_000);
    expect(loadWorkerConfig({ RECONCILE_INTERVAL: '1d' }).RECONCILE_INTERVAL).toBe(86_400_000);
    expect(loadWorkerConfig({ RECONCILE_INTERVAL: 'off' }).RECONCILE_INTERVAL).toBeNull();
  });

  it('refuses anything else at start-up, naming the variable', () => {
    for (const bad of ['1 hour', '30s', '-1h', 'hourly'])
      expect(() => loadWorkerConfig({ RECONCILE_INTERVAL: bad })).toThrow(ConfigError);
    expect(() => loadWorkerConfig({ RECONCILE_INTERVAL: '30s' })).toThrow(
      /RECONCILE_INTERVAL="30s" is not valid: expected at least 1m/,
    );
    expect(() => loadWorkerConfig({ RECONCILE_PAGE_SIZE: '5' })).toThrow(/RECONCILE_PAGE_SIZE/);
  });
});

describe('worker configuration: where review reports are stored', () => {
  it('reads the api’s storage variables, with the same check (libs/storage/src/storage.config.spec.ts)', () => {
    expect(loadWorkerConfig({}).DOCUMENT_STORAGE).toBe('postgres');
    expect(() => loadWorkerConfig({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_ENDPOINT: 'https://s3.example.vn' })).toThrow(
      /DOCUMENT_S3_BUCKET is required when DOCUMENT_STORAGE=s3/,
    );
  });
});
