import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The little of s3rver (an S3-compatible server on the loopback, files in a temporary folder) the tests use. */
interface S3rver {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rver;

/** s3rver's fixed credentials. */
export const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** Where the store keeps its objects, to look at what reached it. */
  directory: string;
  close(): Promise<void>;
}

/** An S3-compatible server on 127.0.0.1 with one empty bucket. */
export async function startS3TestServer(bucket = 'documents'): Promise<S3TestServer> {
  // s3rver ships no type declarations; the interface above is what these tests rely on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rverImpl = require('s3rver') as S3rverClass;
  const directory = mkdtempSync(path.join(tmpdir(), 's3rver-'));
  const server = new S3rverImpl({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
