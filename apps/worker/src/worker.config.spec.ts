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
  const s3 = {
    NODE_ENV: 'test',
    DOCUMENT_STORAGE: 's3',
    DOCUMENT_S3_ENDPOINT: 'https://s3.example.vn',
    DOCUMENT_S3_BUCKET: 'tai-lieu',
    DOCUMENT_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    DOCUMENT_S3_SECRET_ACCESS_KEY: 'bi-mat-vi-du',
  };

  it('reads the api’s storage variables: Postgres by default, or a complete S3 store', () => {
    expect(loadWorkerConfig({}).DOCUMENT_STORAGE).toBe('postgres');
    expect(loadWorkerConfig(s3)).toMatchObject({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_REGION: 'us-east-1' });
  });

  it('refuses an S3 store missing a variable or in clear in production, never repeating the secret', () => {
    expect(() => loadWorkerConfig({ ...s3, DOCUMENT_S3_BUCKET: '' })).toThrow(/DOCUMENT_S3_BUCKET is required/);
    let message = '';
    try {
      loadWorkerConfig({ ...s3, NODE_ENV: 'production', DOCUMENT_S3_ENDPOINT: 'http://s3.local' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/DOCUMENT_S3_ENDPOINT must be https in production/);
    expect(message).not.toContain('bi-mat-vi-du');
  });
});
