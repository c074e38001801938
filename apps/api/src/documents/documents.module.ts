import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AccessModule } from '../access';
import { API_CONFIG, ApiConfig } from '../api.config';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

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
  // The store itself (DOCUMENT_STORAGE) comes from DocumentStorageModule, shared with the reports.
  providers: [DocumentsService],
})
export class DocumentsModule {}
