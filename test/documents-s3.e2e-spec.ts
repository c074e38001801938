import { randomUUID } from 'node:crypto';
import { asSeededPeople } from './utils/authorization-fixtures';
import { S3RVER_KEYS, S3TestServer, startS3TestServer } from './utils/s3-test-server';
import { tinyDocx } from './utils/sample-documents';
import { startTestStack, TestStack } from './utils/test-stack';

/** The API with DOCUMENT_STORAGE=s3: the bytes go to the S3-compatible store (s3rver here), not to Postgres. */
describe('programme documents in an S3-compatible store (e2e)', () => {
  let s3: S3TestServer;
  let stack: TestStack;

  beforeAll(async () => {
    s3 = await startS3TestServer('tai-lieu');
    stack = await startTestStack({
      DOCUMENT_STORAGE: 's3',
      DOCUMENT_S3_ENDPOINT: s3.endpoint,
      DOCUMENT_S3_BUCKET: s3.bucket,
      DOCUMENT_S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
      DOCUMENT_S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await s3?.close();
  });

  it('stores the upload in the bucket and hands it back byte for byte', async () => {
    const people = asSeededPeople(stack);
    const programme = await people.create(`docs-s3-${randomUUID().slice(0, 8)}`, 'Chương trình lưu tài liệu ngoài');
    const bytes = await tinyDocx('Dự thảo lưu trong kho S3');
    const auth = await people.auth('chuyenvien.hg');
    const up = await stack
      .http()
      .post(`/programmes/${programme}/documents`)
      .set(auth)
      .field('kind', 'DRAFT')
      .attach('file', bytes, 'Dự thảo.docx');
    expect(up.status).toBe(201);
    const [{ blobs }] = await stack.dataSource.query(
      `SELECT count(*)::int AS blobs FROM document_blob WHERE storage_key = (SELECT storage_key FROM programme_document WHERE id = $1)`,
      [up.body.id],
    );
    expect(blobs).toBe(0);
    const got = await stack
      .http()
      .get(`/documents/${up.body.id}/content`)
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
  });
});
