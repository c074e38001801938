import { loadApiConfig } from '../api.config';

/** The API's document variables; the storage ones are tested in libs/storage/src/storage.config.spec.ts. */
describe('document configuration', () => {
  it('accepts uploads up to 20 MB and keeps them in Postgres unless told otherwise', () => {
    const c = loadApiConfig({ NODE_ENV: 'test' });
    expect(c.DOCUMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(c.DOCUMENT_STORAGE).toBe('postgres');
  });

  it('refuses a size that is not a number, and an S3 store missing its settings', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'test', DOCUMENT_MAX_BYTES: '20MB' })).toThrow(/DOCUMENT_MAX_BYTES/);
    expect(() => loadApiConfig({ NODE_ENV: 'test', DOCUMENT_STORAGE: 's3' })).toThrow(
      /DOCUMENT_S3_ENDPOINT is required/,
    );
  });
});
