import { ConfigError } from '@app/config';
import { loadApiConfig } from '../api.config';

describe('document configuration', () => {
  const s3 = {
    NODE_ENV: 'test',
    DOCUMENT_STORAGE: 's3',
    DOCUMENT_S3_ENDPOINT: 'https://s3.example.vn',
    DOCUMENT_S3_BUCKET: 'tai-lieu',
    DOCUMENT_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    DOCUMENT_S3_SECRET_ACCESS_KEY: 'bi-mat-vi-du',
  };

  it('keeps documents in Postgres, up to 20 MB, unless told otherwise', () => {
    const c = loadApiConfig({ NODE_ENV: 'test' });
    expect(c.DOCUMENT_STORAGE).toBe('postgres');
    expect(c.DOCUMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('accepts a complete S3 configuration', () => {
    expect(loadApiConfig(s3)).toMatchObject({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_REGION: 'us-east-1' });
  });

  it('names each S3 variable that is missing', () => {
    const run = () => loadApiConfig({ NODE_ENV: 'test', DOCUMENT_STORAGE: 's3' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/DOCUMENT_S3_ENDPOINT is required/);
    expect(run).toThrow(/DOCUMENT_S3_BUCKET is required/);
    expect(run).toThrow(/DOCUMENT_S3_SECRET_ACCESS_KEY is required/);
  });

  it('refuses an unknown storage, a bad bucket name and a size that is not a number', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'test', DOCUMENT_STORAGE: 'disk' })).toThrow(/DOCUMENT_STORAGE/);
    expect(() => loadApiConfig({ ...s3, DOCUMENT_S3_BUCKET: 'Tài_liệu' })).toThrow(/DOCUMENT_S3_BUCKET/);
    expect(() => loadApiConfig({ NODE_ENV: 'test', DOCUMENT_MAX_BYTES: '20MB' })).toThrow(/DOCUMENT_MAX_BYTES/);
  });

  it('requires https in production and never repeats the secret', () => {
    const prod = { ...s3, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DOCUMENT_S3_ENDPOINT: 'http://s3.local' };
    expect(() => loadApiConfig(prod)).toThrow(/must be https in production/);
    let message = '';
    try {
      loadApiConfig({ ...s3, DOCUMENT_S3_ENDPOINT: 'not a url' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/DOCUMENT_S3_ENDPOINT/);
    expect(message).not.toContain('bi-mat-vi-du');
  });
});
