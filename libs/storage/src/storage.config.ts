import { ConfigError, oneOf, str, url, VarSpec } from '@app/config';
import type { S3Settings } from './s3-document-storage';

/**
 * Where the bytes of documents and review reports live: the same variables in the api (uploads,
 * reports on request) and the worker (the report stored when a review closes).
 */
export const documentStorageConfigSpec = {
  DOCUMENT_STORAGE: oneOf(
    'where uploaded documents and review reports are kept: postgres (the document_blob table) or s3 (an S3-compatible bucket)',
    ['postgres', 's3'] as const,
    'postgres',
  ),
  DOCUMENT_S3_ENDPOINT: url(
    'base URL of the S3-compatible store (path-style: <endpoint>/<bucket>/<key>)',
    ['https', 'http'],
    '',
  ),
  DOCUMENT_S3_BUCKET: bucketName('bucket that holds the documents and reports'),
  DOCUMENT_S3_REGION: str('region the store signs requests for (SigV4)', 'us-east-1'),
  DOCUMENT_S3_ACCESS_KEY_ID: str('access key id for the store', ''),
  DOCUMENT_S3_SECRET_ACCESS_KEY: { ...str('secret access key for the store', ''), sensitive: true } as VarSpec<string>,
};

export interface DocumentStorageVars {
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
export function checkDocumentStorageConfig<C extends DocumentStorageVars>(c: C): C {
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
export function s3SettingsOf(c: DocumentStorageVars): S3Settings {
  return {
    endpoint: c.DOCUMENT_S3_ENDPOINT,
    bucket: c.DOCUMENT_S3_BUCKET,
    region: c.DOCUMENT_S3_REGION,
    accessKeyId: c.DOCUMENT_S3_ACCESS_KEY_ID,
    secretAccessKey: c.DOCUMENT_S3_SECRET_ACCESS_KEY,
  };
}
