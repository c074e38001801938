/**
 * Writes the API's OpenAPI document to a file without any service running: Nest's preview mode
 * builds the module graph without instantiating providers, which is all the document needs. The
 * build turns the file into the web console's API types.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register apps/api/src/openapi/write-openapi.ts <file>
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadApiConfig } from '../api.config';
import { AppModule } from '../app.module';
import { createOpenApiDocument } from './openapi-document';

export async function buildOpenApiDocumentOffline() {
  // Nothing is signed or connected to: the configuration only has to load.
  const config = loadApiConfig({ ...process.env, JWT_SECRET: randomBytes(32).toString('hex') });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: write-openapi.ts <output file>');
  const doc = await buildOpenApiDocumentOffline();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}

if (require.main === module)
  main(process.argv[2]).catch((err: unknown) => {
    console.error('write-openapi:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
