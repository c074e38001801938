import { ConfigError, int, oneOf, str, url, VarSpec } from '@app/config';
import type { S3Settings } from './storage/s3-document-storage';

/** The variables of programme documents: where their bytes live and how large one may be. */
export const documentsConfigSpec = {
  DOCUMENT_STORAGE: oneOf(
    'where uploaded documents are kept: postgres (the document_blob table) or s3 (an S3-compatible bucket)',
    ['postgres', 's3'] as const,
    'postgres',
  ),
  DOCUMENT_MAX_BYTES: int(
    'largest document accepted for upload, in bytes (larger: 413)',
    20 * 1024 * 1024,
    1,
    512 * 1024 * 1024,
  ),
  DOCUMENT_S3_ENDPOINT: url(
    'base URL of the S3-compatible store (path-style: <endpoint>/<bucket>/<key>)',
    ['https', 'http'],
    '',
  ),
  DOCUMENT_S3_BUCKET: bucketName('bucket that holds the documents'),
  DOCUMENT_S3_REGION: str('region the store signs requests for (SigV4)', 'us-east-1'),
  DOCUMENT_S3_ACCESS_KEY_ID: str('access key id for the store', ''),
  DOCUMENT_S3_SECRET_ACCESS_KEY: { ...str('secret access key for the store', ''), sensitive: true } as VarSpec<string>,
};

export interface DocumentsVars {
  NODE_ENV: string;
  DOCUMENT_STORAGE: 'postgres' | 's3';
  DOCUMENT_S3_ENDPOINT: string;
  DOCUMENT_S3_BUCKET: string;
  DOCUMENT_S3_REGION: string;
  DOCUMENT_S3_ACCESS_KEY_ID: string;
  DOCUMENT_S3_SECRET_ACCESS_KEY: string;
}

/** S3 bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens. */
function bucketName(describe: string): VarSpec<string> {
  return {
    describe,
    default: '',
    parse(raw) {
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw))
        throw new Error('expected a bucket name (a-z, 0-9, ".", "-")');
      return raw;
    },
  };
}

/** With DOCUMENT_STORAGE=s3 the store's endpoint, bucket and keys are required (https in production). */
export function checkDocumentsConfig<C extends DocumentsVars>(c: C): C {
  if (c.DOCUMENT_STORAGE !== 's3') return c;
  const problems: string[] = [];
  for (const name of [
    'DOCUMENT_S3_ENDPOINT',
    'DOCUMENT_S3_BUCKET',
    'DOCUMENT_S3_ACCESS_KEY_ID',
    'DOCUMENT_S3_SECRET_ACCESS_KEY',
  ] as const)
    if (c[name] === '') problems.push(`${name} is required when DOCUMENT_STORAGE=s3`);
  if (c.NODE_ENV === 'production' && c.DOCUMENT_S3_ENDPOINT.startsWith('http:'))
    problems.push(
      'DOCUMENT_S3_ENDPOINT must be https in production (documents and keys would cross the network in clear)',
    );
  if (problems.length) throw new ConfigError(problems);
  return c;
}

/** The S3 settings of a checked configuration. */
export function s3SettingsOf(c: DocumentsVars): S3Settings {
  return {
    endpoint: c.DOCUMENT_S3_ENDPOINT,
    bucket: c.DOCUMENT_S3_BUCKET,
    region: c.DOCUMENT_S3_REGION,
    accessKeyId: c.DOCUMENT_S3_ACCESS_KEY_ID,
    secretAccessKey: c.DOCUMENT_S3_SECRET_ACCESS_KEY,
  };
}
