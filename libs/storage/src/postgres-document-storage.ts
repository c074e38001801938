import { DataSource } from 'typeorm';
import { sha256Hex } from './sigv4';
import { DocumentMissingError, DocumentStorage, StoredObject } from './document-storage';

/** Documents in Postgres (`document_blob`): one database to back up, fine for files of a few megabytes. */
export class PostgresDocumentStorage implements DocumentStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, bytes: Buffer): Promise<StoredObject> {
    await this.dataSource.query(`INSERT INTO document_blob (storage_key, content) VALUES ($1, $2)`, [key, bytes]);
    return { sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
  }

  async get(key: string): Promise<Buffer> {
    const [row]: Array<{ content: Buffer }> = await this.dataSource.query(
      `SELECT content FROM document_blob WHERE storage_key = $1`,
      [key],
    );
    if (!row) throw new DocumentMissingError(key);
    return row.content;
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM document_blob WHERE storage_key = $1`, [key]);
  }
}
