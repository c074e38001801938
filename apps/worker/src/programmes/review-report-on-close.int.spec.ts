import { DataSource } from 'typeorm';
import type { ProgrammeState } from '@app/domain';
import { dataSourceOptions } from '@app/persistence/data-source';
import { PostgresDocumentStorage } from '@app/storage/postgres-document-storage';
import { FX, seedSupervisionFixtures } from '../../../../test/utils/supervision-fixtures';
import { closedReviewSeqs, ReviewReportOnCloseService } from './review-report-on-close.service';

/**
 * The worker stores each closed review's report once, however often (and however concurrently) it
 * projects; its bytes in the document storage (Postgres here; S3 in test/reports-storage.e2e-spec.ts).
 */
describe('review report stored when a review closes', () => {
  let ds: DataSource;
  let service: ReviewReportOnCloseService;

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL as string));
    await ds.initialize();
    await seedSupervisionFixtures(ds);
    service = new ReviewReportOnCloseService(ds, new PostgresDocumentStorage(ds));
  });
  afterAll(async () => {
    await ds?.query(
      `DELETE FROM document_blob WHERE storage_key IN
         (SELECT storage_key FROM programme_report WHERE programme_id = $1 AND automatic)`,
      [FX.programme123],
    );
    await ds?.query(`DELETE FROM programme_report WHERE programme_id = $1 AND automatic`, [FX.programme123]);
    await ds?.destroy();
  });

  /** The part of the programme's state the service reads: which reviews exist and when they closed. */
  const state = (closedAt: string | null) =>
    ({
      setup: { programmeId: FX.programme123 },
      implementation: { reviews: [{ seq: 1, closedAt }] },
      finalReview: { review: null },
    }) as unknown as ProgrammeState;

  const stored = async () =>
    ds.query(
      `SELECT review_seq AS "reviewSeq", generated_by AS "generatedBy", automatic, file_name AS "fileName", size_bytes AS "sizeBytes"
       FROM programme_report WHERE programme_id = $1 AND automatic`,
      [FX.programme123],
    );

  const reportBlobs = async (): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM document_blob WHERE storage_key LIKE 'reports/%'`))[0].n;

  it('picks the closed reviews out of a projection’s audit rows', () => {
    expect(
      closedReviewSeqs([
        { action: 'review.opened', after: { seq: 2 } },
        { action: 'review.closed', after: { seq: 1, period: '2021' } },
        { action: 'phase.changed', after: null },
      ]),
    ).toEqual([1]);
  });

  it('stores nothing for a review that is still open', async () => {
    await service.storeClosed(state(null), [1]);
    expect(await stored()).toEqual([]);
  });

  it('stores one DOCX per review: a retry and a concurrent run store nothing more, not even bytes', async () => {
    const closed = state('2021-12-20T10:00:00.000Z');
    const blobsBefore = await reportBlobs();
    await Promise.all([service.storeClosed(closed, [1]), service.storeClosed(closed, [1])]);
    await service.storeClosed(closed, [1]);
    const rows = await stored();
    expect(rows).toEqual([
      {
        reviewSeq: 1,
        generatedBy: 'system',
        automatic: true,
        fileName: `bao-cao-so-ket-nam-${FX.programme123}-2021.docx`,
        sizeBytes: expect.any(Number),
      },
    ]);
    expect(rows[0].sizeBytes).toBeGreaterThan(1000);
    // The bytes are in the store under the row's key, not in the row; the concurrent loser's are gone.
    const [row] = await ds.query(
      `SELECT r.storage_key AS "storageKey", r.content IS NULL AS "noInlineBytes",
              length(b.content) AS "blobBytes", r.sha256 = encode(sha256(b.content), 'hex') AS "checksumMatches"
         FROM programme_report r JOIN document_blob b ON b.storage_key = r.storage_key
        WHERE r.programme_id = $1 AND r.automatic`,
      [FX.programme123],
    );
    expect(row).toEqual({
      storageKey: expect.stringMatching(/^reports\/[0-9a-f-]{36}$/),
      noInlineBytes: true,
      blobBytes: rows[0].sizeBytes,
      checksumMatches: true,
    });
    expect(await reportBlobs()).toBe(blobsBefore + 1);
  });

  it('leaves reports asked for by people as many as they asked', async () => {
    const manual = () =>
      ds.query(
        `INSERT INTO programme_report (programme_id, review_seq, review_kind, period_label, title, file_name, content_type, size_bytes, sha256, storage_key, generated_by)
         VALUES ($1, 1, 'YEARLY', '2021', 't', 'f.docx', 'x', 1, 'x', gen_random_uuid()::text, 'fx-pbt') RETURNING id`,
        [FX.programme123],
      );
    const [a] = await manual();
    const [b] = await manual();
    await ds.query(`DELETE FROM programme_report WHERE id = ANY($1)`, [[a.id, b.id]]);
  });
});
