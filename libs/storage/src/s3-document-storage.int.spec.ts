import { randomBytes } from 'node:crypto';
import { S3RVER_KEYS, S3TestServer, startS3TestServer } from '../../../test/utils/s3-test-server';
import { DocumentMissingError } from './document-storage';
import { S3DocumentStorage } from './s3-document-storage';
import { sha256Hex } from './sigv4';

/**
 * The S3 storage against a real S3-compatible server (s3rver on the loopback). s3rver reads the
 * Authorization header and knows the access key but does not recompute V4 signatures: the signing
 * itself is checked against AWS's published examples in sigv4.spec.ts.
 */
describe('S3DocumentStorage against an S3-compatible server', () => {
  let s3: S3TestServer;
  let storage: S3DocumentStorage;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    storage = new S3DocumentStorage({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', ...S3RVER_KEYS });
  });

  afterAll(async () => {
    await s3?.close();
  });

  it('puts, gets back the same bytes, and deletes', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]);
    const key = `documents/${randomBytes(8).toString('hex')}`;
    expect(await storage.put(key, bytes, 'application/pdf')).toEqual({
      sizeBytes: bytes.length,
      sha256: sha256Hex(bytes),
    });
    expect(Buffer.compare(await storage.get(key), bytes)).toBe(0);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(DocumentMissingError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('keeps keys with spaces and Vietnamese letters apart', async () => {
    await storage.put('thư mục/tệp 1.pdf', Buffer.from('một'), 'application/pdf');
    await storage.put('thư mục/tệp 2.pdf', Buffer.from('hai'), 'application/pdf');
    expect((await storage.get('thư mục/tệp 1.pdf')).toString()).toBe('một');
    expect((await storage.get('thư mục/tệp 2.pdf')).toString()).toBe('hai');
  });

  it('fails with the store’s error code for an unknown access key or bucket', async () => {
    const stranger = new S3DocumentStorage({
      endpoint: s3.endpoint,
      bucket: s3.bucket,
      region: 'us-east-1',
      accessKeyId: 'NOBODY',
      secretAccessKey: 'x',
    });
    await expect(stranger.put('k', Buffer.from('x'), 'application/pdf')).rejects.toThrow(/403 InvalidAccessKeyId/);
    const noBucket = new S3DocumentStorage({
      endpoint: s3.endpoint,
      bucket: 'khong-co',
      region: 'us-east-1',
      ...S3RVER_KEYS,
    });
    await expect(noBucket.put('k', Buffer.from('x'), 'application/pdf')).rejects.toThrow(/404 NoSuchBucket/);
  });
});
