import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { migrate, recreateDatabase } from '../libs/persistence/src';
import { dataSourceOptions } from '../libs/persistence/src/data-source';
import { ReviewReportsInDocumentStorage1796935000000 as StorageMigration } from '../libs/persistence/src/migrations/1796935000000-ReviewReportsInDocumentStorage';
import { S3DocumentStorage } from '../libs/storage/src/s3-document-storage';
import { asSeededPeople } from './utils/authorization-fixtures';
import { binary } from './utils/docx';
import { S3RVER_KEYS, S3TestServer, startS3TestServer } from './utils/s3-test-server';
import { tinyDocx } from './utils/sample-documents';
import { FX, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Review reports with DOCUMENT_STORAGE=s3 (s3rver on the loopback), on a database of their own that
 * held a report written inline before migration 1796935000000: reports asked for and the one the
 * worker stores when a review closes land in the bucket, not in Postgres; the old report still
 * downloads from its row; and the migration's `down` takes stored bytes back into the rows.
 */
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MIGRATIONS_DIR = path.join(__dirname, '../libs/persistence/src/migrations');
const STORAGE_MIGRATION = 1796935000000;

/** The schema as it was before reports went to the document storage: every older migration applied. */
async function migrateToBeforeStorage(databaseUrl: string): Promise<DataSource> {
  const older = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+-\w+\.ts$/.test(f) && Number(f.split('-')[0]) < STORAGE_MIGRATION)
    .map((f) => path.join(MIGRATIONS_DIR, f));
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl), migrations: older });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

interface ReportRow {
  storageKey: string | null;
  inline: boolean;
  sha256: string;
  sizeBytes: number;
  blobs: number;
}

describe('review reports in an S3-compatible store, and reports written inline before (e2e)', () => {
  let s3: S3TestServer;
  let bucket: S3DocumentStorage;
  let stack: TestStack;
  let people: ReturnType<typeof asSeededPeople>;
  let legacy: { id: string; bytes: Buffer };

  beforeAll(async () => {
    s3 = await startS3TestServer('bao-cao');
    bucket = new S3DocumentStorage({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', ...S3RVER_KEYS });
    const databaseUrl = new URL(process.env.DATABASE_URL as string);
    databaseUrl.pathname = `${databaseUrl.pathname.replace(/_test$/, '')}_report_storage_test`;
    await recreateDatabase(databaseUrl.toString());

    const before = await migrateToBeforeStorage(databaseUrl.toString());
    const bytes = await tinyDocx('Báo cáo sơ kết lưu trong bảng trước khi có kho tài liệu');
    const [row] = await before.query(
      `INSERT INTO programme_report (programme_id, review_seq, review_kind, period_label, title, file_name, content_type,
         size_bytes, content, generated_by)
       VALUES ($1, 1, 'YEARLY', '2021', 'Báo cáo sơ kết năm 2021', 'bao-cao-cu.docx',
         'application/vnd.openxmlformats-officedocument.wordprocessingml.document', $2, $3, 'fx-pbt')
       RETURNING id`,
      [FX.programme123, bytes.length, bytes],
    );
    legacy = { id: row.id, bytes };
    await before.destroy();
    await migrate(databaseUrl.toString());

    stack = await startTestStack(
      {
        DATABASE_URL: databaseUrl.toString(),
        DOCUMENT_STORAGE: 's3',
        DOCUMENT_S3_ENDPOINT: s3.endpoint,
        DOCUMENT_S3_BUCKET: s3.bucket,
        DOCUMENT_S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
        DOCUMENT_S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
      },
      { notifier: false },
    );
    await seedSupervisionFixtures(stack.dataSource);
    people = asSeededPeople(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    await s3?.close();
  });

  const download = async (username: string, programmeId: string, reportId: string) =>
    stack
      .http()
      .get(`/programmes/${programmeId}/reports/${reportId}`)
      .set(await people.auth(username))
      .buffer(true)
      .parse(binary as never);

  const rowOf = async (reportId: string): Promise<ReportRow> => {
    const [row] = await stack.dataSource.query(
      `SELECT r.storage_key AS "storageKey", r.content IS NOT NULL AS inline, r.sha256, r.size_bytes AS "sizeBytes",
              (SELECT count(*)::int FROM document_blob b WHERE b.storage_key = r.storage_key) AS blobs
         FROM programme_report r WHERE r.id = $1`,
      [reportId],
    );
    return row;
  };

  /** The report is in the bucket under `reports/<id>`, not in Postgres, and downloads as the bucket holds it. */
  async function expectInBucket(username: string, programmeId: string, reportId: string): Promise<void> {
    const row = await rowOf(reportId);
    expect(row).toMatchObject({ storageKey: `reports/${reportId}`, inline: false, blobs: 0 });
    const object = await bucket.get(row.storageKey as string);
    expect({ size: object.length, sha256: sha256(object) }).toEqual({ size: row.sizeBytes, sha256: row.sha256 });
    const file = await download(username, programmeId, reportId);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body, object)).toBe(0);
  }

  it('keeps a report written inline before the migration in its row, with its checksum, and downloads it byte for byte', async () => {
    expect(await rowOf(legacy.id)).toEqual({
      storageKey: null,
      inline: true,
      sha256: sha256(legacy.bytes),
      sizeBytes: legacy.bytes.length,
      blobs: 0,
    });
    const file = await download('fx.pbt', FX.programme123, legacy.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('bao-cao-cu.docx');
    expect(Buffer.compare(file.body, legacy.bytes)).toBe(0);
  });

  it('stores a report asked for in the bucket, not in Postgres, and hands it back byte for byte', async () => {
    const created = await stack
      .http()
      .post(`/programmes/${FX.programme123}/reports`)
      .set(await people.auth('fx.pbt'))
      .send({ reviewSeq: 1 });
    expect(created.status).toBe(201);
    expect([created.body.storageKey, created.body.sha256, created.body.content]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await expectInBucket('fx.pbt', FX.programme123, created.body.id);
  });

  it('stores the report the worker writes when a review closes in the bucket too', async () => {
    const id = await people.create(`rpt-s3-${randomUUID().slice(0, 8)}`, 'Chương trình lưu báo cáo trong kho S3');
    await people.act('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await people.act('gd.skhdt.hg', id, 'submitSurveyFindings', { text: 'Kho lưu trữ số còn thiếu' });
    await people.act('chuyenvien.hg', id, 'closeSurvey', {});
    await people.act('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'bản đầu' });
    await people.act('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-pbt'] });
    await people.act('pbt.hg', id, 'submitOpinion', { text: 'Nhất trí' });
    await people.act('chuyenvien.hg', id, 'closeConsultation', {});
    await people.act('chuyenvien.hg', id, 'submitForApproval', {});
    await people.act('bithu.hg', id, 'approve', {});
    await people.act('chuyenvien.hg', id, 'issue', {
      documentNumber: '61-CTr/TU',
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [
        {
          code: 'KS1',
          name: 'Tỷ lệ hồ sơ lưu trữ số',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '80' },
          responsibleUnitId: 'hg-skhdt',
        },
      ],
      tasks: [],
      solutions: ['Số hóa hồ sơ lưu trữ'],
      resources: ['Ngân sách tỉnh'],
    });
    // Disseminated, it implements: the drill's first review opens and closes by its timers.
    await people.act('bithu.hg', id, 'recordDissemination', {
      heldOn: new Date().toISOString().slice(0, 10),
      audienceIds: ['hg-skhdt-gd'],
    });
    const automatic = await eventually(
      async () => {
        const [row] = await stack.dataSource.query(
          `SELECT id FROM programme_report WHERE programme_id = $1 AND review_seq = 1 AND automatic`,
          [id],
        );
        return row as { id: string } | undefined;
      },
      'the report the worker stores when the first review closes',
      60_000,
    );
    await expectInBucket('pbt.hg', id, automatic.id);
  });

  it('takes stored bytes back into the rows on down, refusing while some are only in the bucket; up again reads them inline', async () => {
    const migration = new StorageMigration();
    const inTransaction = async (step: 'up' | 'down') => {
      const runner = stack.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await migration[step](runner);
        await runner.commitTransaction();
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      } finally {
        await runner.release();
      }
    };
    const stored: Array<{ id: string; programmeId: string; storageKey: string }> = await stack.dataSource.query(
      `SELECT id, programme_id AS "programmeId", storage_key AS "storageKey" FROM programme_report
        WHERE storage_key IS NOT NULL`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(2);

    await expect(inTransaction('down')).rejects.toThrow(
      new RegExp(`${stored.length} review reports have no bytes in Postgres`),
    );
    expect((await rowOf(stored[0].id)).storageKey).toBe(stored[0].storageKey); // nothing changed

    // What the refusal asks for: the objects copied into document_blob under their keys.
    const bytes = new Map<string, Buffer>();
    for (const r of stored) {
      bytes.set(r.id, await bucket.get(r.storageKey));
      await stack.dataSource.query(`INSERT INTO document_blob (storage_key, content) VALUES ($1, $2)`, [
        r.storageKey,
        bytes.get(r.id),
      ]);
    }
    await inTransaction('down');
    const [{ blobs }] = await stack.dataSource.query(
      `SELECT count(*)::int AS blobs FROM document_blob WHERE storage_key LIKE 'reports/%'`,
    );
    expect(blobs).toBe(0);
    const inline: Array<{ id: string; content: Buffer }> = await stack.dataSource.query(
      `SELECT id, content FROM programme_report WHERE id = ANY($1)`,
      [stored.map((r) => r.id)],
    );
    for (const row of inline) expect(Buffer.compare(row.content, bytes.get(row.id) as Buffer)).toBe(0);

    await inTransaction('up');
    for (const r of stored) {
      expect(await rowOf(r.id)).toMatchObject({ storageKey: null, inline: true });
      // The fixtures' supervisor reads their programme; the province's deputy secretary the drill one.
      const file = await download(r.programmeId === FX.programme123 ? 'fx.pbt' : 'pbt.hg', r.programmeId, r.id);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.body, bytes.get(r.id) as Buffer)).toBe(0);
    }
  });
});
