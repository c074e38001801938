import { ConfigError, loadConfig, sharedConfigSpec } from '@app/config';
import { checkDocumentStorageConfig, documentStorageConfigSpec } from './storage.config';

/** The storage variables as an app reads them (the api and the worker both spread this spec and run this check). */
const load = (env: NodeJS.ProcessEnv) =>
  checkDocumentStorageConfig(loadConfig({ ...sharedConfigSpec, ...documentStorageConfigSpec }, env));

describe('document storage configuration', () => {
  const s3 = {
    NODE_ENV: 'test',
    DOCUMENT_STORAGE: 's3',
    DOCUMENT_S3_ENDPOINT: 'https://s3.example.vn',
    DOCUMENT_S3_BUCKET: 'tai-lieu',
    DOCUMENT_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    DOCUMENT_S3_SECRET_ACCESS_KEY: 'bi-mat-vi-du',
  };

  it('keeps documents and reports in Postgres unless told otherwise', () => {
    expect(load({ NODE_ENV: 'test' }).DOCUMENT_STORAGE).toBe('postgres');
  });

  it('accepts a complete S3 configuration', () => {
    expect(load(s3)).toMatchObject({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_REGION: 'us-east-1' });
  });

  it('names each S3 variable that is missing', () => {
    const run = () => load({ NODE_ENV: 'test', DOCUMENT_STORAGE: 's3' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/DOCUMENT_S3_ENDPOINT is required/);
    expect(run).toThrow(/DOCUMENT_S3_BUCKET is required/);
    expect(run).toThrow(/DOCUMENT_S3_SECRET_ACCESS_KEY is required/);
  });

  it('refuses an unknown storage and a bad bucket name', () => {
    expect(() => load({ NODE_ENV: 'test', DOCUMENT_STORAGE: 'disk' })).toThrow(/DOCUMENT_STORAGE/);
    expect(() => load({ ...s3, DOCUMENT_S3_BUCKET: 'Tài_liệu' })).toThrow(/DOCUMENT_S3_BUCKET/);
  });

  it('requires https in production and never repeats the secret', () => {
    expect(() => load({ ...s3, NODE_ENV: 'production', DOCUMENT_S3_ENDPOINT: 'http://s3.local' })).toThrow(
      /must be https in production/,
    );
    let message = '';
    try {
      load({ ...s3, DOCUMENT_S3_ENDPOINT: 'not a url' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/DOCUMENT_S3_ENDPOINT/);
    expect(message).not.toContain('bi-mat-vi-du');
  });
});
