export { checkedBytes, ChecksumMismatchError } from './checked-bytes';
export { DOCUMENT_STORAGE, DocumentMissingError } from './document-storage';
export type { DocumentStorage, StoredObject } from './document-storage';
export { DocumentStorageModule, createDocumentStorage } from './document-storage.module';
export { putThenRecord } from './put-then-record';
export type { ObjectToStore } from './put-then-record';
export { sha256Hex } from './sigv4';
export { checkDocumentStorageConfig, documentStorageConfigSpec } from './storage.config';
export type { DocumentStorageVars } from './storage.config';
