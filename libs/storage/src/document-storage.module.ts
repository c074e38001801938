import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { PostgresDocumentStorage } from './postgres-document-storage';
import { S3DocumentStorage } from './s3-document-storage';
import { DocumentStorageVars, s3SettingsOf } from './storage.config';

/** The store `DOCUMENT_STORAGE` names, over the app's own Postgres connection or the S3 settings. */
export function createDocumentStorage(config: DocumentStorageVars, dataSource: DataSource): DocumentStorage {
  return config.DOCUMENT_STORAGE === 's3'
    ? new S3DocumentStorage(s3SettingsOf(config))
    : new PostgresDocumentStorage(dataSource);
}

/** `DOCUMENT_STORAGE` for every module of an app (needs `PersistenceModule` for the Postgres store). */
@Module({})
export class DocumentStorageModule {
  static forRoot(config: DocumentStorageVars): DynamicModule {
    return {
      module: DocumentStorageModule,
      global: true,
      providers: [
        {
          provide: DOCUMENT_STORAGE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => createDocumentStorage(config, dataSource),
        },
      ],
      exports: [DOCUMENT_STORAGE],
    };
  }
}
