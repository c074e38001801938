/**
 * Writes the staff actions' payload schemas from the API's OpenAPI document (the build's
 * src/generated/openapi.json) to src/generated/action-schemas.json, which the console's forms read.
 *
 *   node -r ts-node/register/transpile-only apps/api/src/openapi/write-action-schemas.ts <openapi.json> <out.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractActionSchemas } from '../../../console/src/forms/extract-schemas';

function main([input, output]: string[]): void {
  if (!input || !output) throw new Error('usage: write-action-schemas.ts <openapi.json> <action-schemas.json>');
  const schemas = extractActionSchemas(JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(output, `${JSON.stringify(schemas, null, 2)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
