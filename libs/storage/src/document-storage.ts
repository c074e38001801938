/**
 * Where the bytes of programme documents and review reports live, by key. Two implementations:
 * Postgres (the default, `document_blob`) and any S3-compatible object store; `DOCUMENT_STORAGE`
 * chooses, for the api and the worker alike.
 */
export interface StoredObject {
  sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface DocumentStorage {
  /** Stores `bytes` under `key` (a new key each time), answering its size and checksum. */
  put(key: string, bytes: Buffer, contentType: string): Promise<StoredObject>;
  /** The bytes under `key`; rejects with `DocumentMissingError` when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes `key`; nothing happens when it is not there. */
  delete(key: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

export class DocumentMissingError extends Error {
  constructor(key: string) {
    super(`no stored document under ${key}`);
    this.name = 'DocumentMissingError';
  }
}
