import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AccessModule } from '../access';
import { API_CONFIG, ApiConfig } from '../api.config';
import { s3SettingsOf } from './documents.config';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';
import { PostgresDocumentStorage } from './storage/postgres-document-storage';
import { S3DocumentStorage } from './storage/s3-document-storage';

/** Files kept with programmes (drafts, issued texts, units' reports, inspection records). */
@Module({
  imports: [
    AccessModule,
    // Held in memory (never on disk) up to the limit; a larger file is refused with 413 before anything is stored.
    MulterModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        limits: { fileSize: config.DOCUMENT_MAX_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 16 * 1024 },
        // Browsers send UTF-8 file names: Vietnamese names arrive whole.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    {
      provide: DOCUMENT_STORAGE,
      inject: [API_CONFIG, DataSource],
      useFactory: (config: ApiConfig, dataSource: DataSource): DocumentStorage =>
        config.DOCUMENT_STORAGE === 's3'
          ? new S3DocumentStorage(s3SettingsOf(config))
          : new PostgresDocumentStorage(dataSource),
    },
  ],
})
export class DocumentsModule {}
