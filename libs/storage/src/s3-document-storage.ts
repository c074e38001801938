import { DocumentMissingError, DocumentStorage, StoredObject } from './document-storage';
import { EMPTY_SHA256, sha256Hex, SigV4Credentials, signV4, uriEncode } from './sigv4';

export interface S3Settings {
  /** Base URL of the store, e.g. https://s3.example.vn (path-style requests: <endpoint>/<bucket>/<key>). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** How long one request may take before it is abandoned. */
  timeoutMs?: number;
}

/**
 * Documents in an S3-compatible object store, with path-style SigV4-signed requests over node's fetch.
 * The body's checksum is signed too (x-amz-content-sha256), so the store refuses a changed upload.
 */
export class S3DocumentStorage implements DocumentStorage {
  private readonly creds: SigV4Credentials;

  constructor(
    private readonly settings: S3Settings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.creds = {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      region: settings.region,
      service: 's3',
    };
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<StoredObject> {
    const sha256 = sha256Hex(bytes);
    const res = await this.send('PUT', key, sha256, bytes, { 'content-type': contentType });
    await this.expectOk(res, 'PUT', key);
    return { sizeBytes: bytes.length, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key, EMPTY_SHA256);
    if (res.status === 404) {
      await res.arrayBuffer();
      throw new DocumentMissingError(key);
    }
    await this.expectOk(res, 'GET', key);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key, EMPTY_SHA256);
    if (res.status === 404) return;
    await this.expectOk(res, 'DELETE', key);
  }

  private url(key: string): URL {
    const base = this.settings.endpoint.replace(/\/+$/, '');
    return new URL(`${base}/${uriEncode(this.settings.bucket)}/${uriEncode(key, true)}`);
  }

  private send(
    method: string,
    key: string,
    payloadHash: string,
    body?: Buffer,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const url = this.url(key);
    const { headers } = signV4(
      { method, url, payloadHash, headers: { ...extra, 'x-amz-content-sha256': payloadHash } },
      this.creds,
      this.clock(),
    );
    delete headers.host; // fetch sets it from the URL
    return fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000),
    });
  }

  /** Reads the body of a refusal into the error; an accepted PUT or DELETE's body is read and dropped. */
  private async expectOk(res: Response, method: string, key: string): Promise<void> {
    if (res.ok) {
      if (method !== 'GET') await res.arrayBuffer();
      return;
    }
    const text = await res.text();
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'no error code';
    throw new Error(`object store refused ${method} ${key}: ${res.status} ${code}`);
  }
}
