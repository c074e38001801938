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
 * last, so nobody ever reads a row whose bytes are missing. The bytes are removed again only when no
 * row can exist: `record` answered null (another writer's row is there already) or Postgres refused
 * the statement (`refusedByDatabase`). After any other failure (a connection lost or a timeout, maybe
 * during COMMIT) the row may have been written, so the bytes stay: an object nobody points at is
 * harmless, a row pointing at nothing is not. Should a removal fail, the object is left behind too.
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
    if (refusedByDatabase(err)) await removeUnrecorded(storage, object.key);
    else logger.warn(`${object.key} kept: its row may or may not have been written (${(err as Error).message})`);
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

/**
 * SQLSTATE classes in which Postgres answered that the statement (or its transaction) did not take
 * effect: data exceptions (22), integrity constraints (23), transaction rollbacks such as
 * serialization failures (40) and statement errors (42). Connection errors carry no SQLSTATE.
 */
const REFUSED_CLASSES = new Set(['22', '23', '40', '42']);

/** Whether Postgres refused the row for certain (TypeORM's QueryFailedError keeps pg's error as `driverError`). */
export function refusedByDatabase(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && REFUSED_CLASSES.has(code.slice(0, 2));
}
