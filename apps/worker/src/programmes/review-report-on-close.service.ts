import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgrammeState, Review } from '@app/domain';
import { DOCX_CONTENT_TYPE } from '@app/reports/docx-layout';
import { renderReviewReport, reviewReportTitle } from '@app/reports/review-report.document';
import {
  gatherReviewReport,
  reviewReportFileName,
  ReviewNotFoundError,
  ReviewStillOpenError,
} from '@app/reports/review-report.gather';

/** Who generated a report stored when its review closed. */
export const SYSTEM_AUTHOR = 'system';

/** The reviews a batch of changes closed: the `review.closed` audit rows' sequence numbers. */
export function closedReviewSeqs(events: Array<{ action: string; after: Record<string, unknown> | null }>): number[] {
  return events
    .filter((e) => e.action === 'review.closed' && typeof e.after?.seq === 'number')
    .map((e) => e.after?.seq as number);
}

/**
 * Stores the review report (DOCX) of each review a projection closed, once per programme and
 * review: a retried activity finds the report there (and the unique index refuses a second one
 * written concurrently). Figures are as of the moment the review closed.
 */
@Injectable()
export class ReviewReportOnCloseService {
  private readonly logger = new Logger(ReviewReportOnCloseService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async storeClosed(s: ProgrammeState, seqs: number[]): Promise<void> {
    const programmeId = s.setup.programmeId;
    for (const seq of seqs) {
      const review = reviewOf(s, seq);
      if (!review?.closedAt) continue;
      const [stored] = await this.dataSource.query(
        `SELECT 1 FROM programme_report WHERE programme_id = $1 AND review_seq = $2 AND automatic`,
        [programmeId, seq],
      );
      if (stored) continue;
      const closedAt = new Date(review.closedAt);
      const data = await gatherReviewReport(this.dataSource, programmeId, { reviewSeq: seq }, closedAt).catch(
        (err: unknown) => {
          // The read model holds a different run's rows (an older version arrived late): nothing to report on.
          if (err instanceof ReviewNotFoundError || err instanceof ReviewStillOpenError) {
            this.logger.warn(`programme ${programmeId} review ${seq}: no report stored (${err.message})`);
            return null;
          }
          throw err;
        },
      );
      if (!data) continue;
      const content = await renderReviewReport(data);
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO programme_report (programme_id, review_seq, review_kind, period_label, title, file_name, content_type,
           size_bytes, content, generated_by, automatic)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)
         ON CONFLICT (programme_id, review_seq) WHERE automatic DO NOTHING
         RETURNING id`,
        [
          programmeId,
          seq,
          data.review.kind,
          data.review.periodLabel,
          reviewReportTitle(data),
          reviewReportFileName(data, programmeId),
          DOCX_CONTENT_TYPE,
          content.length,
          content,
          SYSTEM_AUTHOR,
        ],
      );
      // A concurrent run of the same projection may have stored it first: then this one stored nothing.
      if (inserted.length > 0)
        this.logger.log(`programme ${programmeId}: report of review ${seq} (${data.review.periodLabel}) stored`);
    }
  }
}

function reviewOf(s: ProgrammeState, seq: number): Review | undefined {
  return [...s.implementation.reviews, ...(s.finalReview.review ? [s.finalReview.review] : [])].find(
    (r) => r.seq === seq,
  );
}
