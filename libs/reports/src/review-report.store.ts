import { randomUUID } from 'node:crypto';
import { type DocumentStorage, putThenRecord } from '@app/storage';
import { DOCX_CONTENT_TYPE } from './docx-layout';
import { reviewReportTitle, type ReviewReportData } from './review-report.document';
import { reviewReportFileName, type Queryable } from './review-report.gather';

/** A stored review report's row, without its bytes. */
export interface StoredReviewReport {
  id: string;
  programmeId: string;
  reviewSeq: number;
  reviewKind: string;
  periodLabel: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  generatedBy: string;
  automatic: boolean;
  createdAt: Date;
}

/** Who a report is stored for: a person on request, or `system` when its review closed (`automatic`). */
export interface ReviewReportAuthor {
  generatedBy: string;
  automatic: boolean;
}

/** Where a review report's bytes are kept in the document storage. */
export const reviewReportStorageKey = (id: string): string => `reports/${id}`;

/**
 * Stores a rendered review report: its bytes in the document storage, then its row in
 * `programme_report` (see `putThenRecord`: never a row without its bytes). Answers null when the
 * review's automatic report is there already (a retried or concurrent projection stored it first);
 * then these bytes are removed again.
 */
export async function storeReviewReport(
  db: Queryable,
  storage: DocumentStorage,
  data: ReviewReportData,
  programmeId: string,
  content: Buffer,
  author: ReviewReportAuthor,
): Promise<StoredReviewReport | null> {
  const id = randomUUID();
  const key = reviewReportStorageKey(id);
  return putThenRecord(storage, { key, bytes: content, contentType: DOCX_CONTENT_TYPE }, async (stored) => {
    const [row]: StoredReviewReport[] = await db.query(
      `INSERT INTO programme_report (id, programme_id, review_seq, review_kind, period_label, title, file_name,
         content_type, size_bytes, sha256, storage_key, generated_by, automatic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (programme_id, review_seq) WHERE automatic DO NOTHING
       RETURNING id, programme_id AS "programmeId", review_seq AS "reviewSeq", review_kind AS "reviewKind",
         period_label AS "periodLabel", title, file_name AS "fileName", content_type AS "contentType",
         size_bytes AS "sizeBytes", generated_by AS "generatedBy", automatic, created_at AS "createdAt"`,
      [
        id,
        programmeId,
        data.review.seq,
        data.review.kind,
        data.review.periodLabel,
        reviewReportTitle(data),
        reviewReportFileName(data, programmeId),
        DOCX_CONTENT_TYPE,
        stored.sizeBytes,
        stored.sha256,
        key,
        author.generatedBy,
        author.automatic,
      ],
    );
    return row ?? null;
  });
}
