import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgrammeState, Review } from '@app/domain';
import { renderReviewReport } from '@app/reports/review-report.document';
import { gatherReviewReport, ReviewNotFoundError, ReviewStillOpenError } from '@app/reports/review-report.gather';
import { storeReviewReport } from '@app/reports/review-report.store';
import { DOCUMENT_STORAGE, DocumentStorage } from '@app/storage';

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
 * written concurrently, whose bytes are removed from the store again). Figures are as of the moment
 * the review closed; the bytes go to the document storage `DOCUMENT_STORAGE` names.
 */
@Injectable()
export class ReviewReportOnCloseService {
  private readonly logger = new Logger(ReviewReportOnCloseService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async storeClosed(s: ProgrammeState, seqs: number[]): Promise<void> {
    const programmeId = s.setup.programmeId;
    for (const seq of seqs) {
      const review = reviewOf(s, seq);
      if (!review?.closedAt) continue;
      const [already] = await this.dataSource.query(
        `SELECT 1 FROM programme_report WHERE programme_id = $1 AND review_seq = $2 AND automatic`,
        [programmeId, seq],
      );
      if (already) continue;
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
      const stored = await storeReviewReport(this.dataSource, this.storage, data, programmeId, content, {
        generatedBy: SYSTEM_AUTHOR,
        automatic: true,
      });
      // A concurrent run of the same projection may have stored it first: then this one stored nothing.
      if (stored)
        this.logger.log(`programme ${programmeId}: report of review ${seq} (${data.review.periodLabel}) stored`);
    }
  }
}

function reviewOf(s: ProgrammeState, seq: number): Review | undefined {
  return [...s.implementation.reviews, ...(s.finalReview.review ? [s.finalReview.review] : [])].find(
    (r) => r.seq === seq,
  );
}
