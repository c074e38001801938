import { Logger } from '@nestjs/common';
import type { DocumentStorage, StoredObject } from './document-storage';

export interface ObjectToStore {
  key: string;
  bytes: Buffer;
  contentType: string;
}

const logger = new Logger('DocumentStorage');

/**
 * Puts the bytes in the store, then writes the row that points at them (`record`). The row comes
 * last, so nobody ever reads a row whose bytes are missing. When no row is written (`record` throws,
 * or answers null because another writer's row is there already) the bytes are removed again; should
 * that removal fail too, an object nobody points at is left behind, which is harmless.
 */
export async function putThenRecord<T>(
  storage: DocumentStorage,
  object: ObjectToStore,
  record: (stored: StoredObject) => Promise<T>,
): Promise<T> {
  const stored = await storage.put(object.key, object.bytes, object.contentType);
  let recorded: T;
  try {
    recorded = await record(stored);
  } catch (err) {
    await removeUnrecorded(storage, object.key);
    throw err;
  }
  if (recorded === null) await removeUnrecorded(storage, object.key);
  return recorded;
}

async function removeUnrecorded(storage: DocumentStorage, key: string): Promise<void> {
  await storage
    .delete(key)
    .catch((err: unknown) => logger.warn(`${key} has no row and could not be removed: ${(err as Error).message}`));
}
