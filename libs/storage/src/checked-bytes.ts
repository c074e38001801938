import { sha256Hex } from './sigv4';

/** Bytes read back that are not the ones stored: a damaged or replaced object, never to be handed out. */
export class ChecksumMismatchError extends Error {
  constructor(what: string) {
    super(`${what} does not match the checksum taken when it was stored`);
    this.name = 'ChecksumMismatchError';
  }
}

/**
 * The bytes of `what` (e.g. "document <id>") as read back, when they match the SHA-256 taken when they
 * were stored; otherwise (or with no bytes at all) a ChecksumMismatchError, which the API answers 500.
 */
export function checkedBytes(what: string, bytes: Buffer | null | undefined, sha256: string): Buffer {
  if (!bytes || sha256Hex(bytes) !== sha256) throw new ChecksumMismatchError(what);
  return bytes;
}
