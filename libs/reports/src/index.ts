/** Documents the product generates (DOCX), shared by the API (on request) and the worker (when a review closes). */
export { DOCX_CONTENT_TYPE } from './docx-layout';
export { gatherIssuedProgramme, NotIssuedError, renderIssuedProgramme } from './issued-programme.document';
export type { IssuedProgrammeData } from './issued-programme.document';
export { renderReviewReport, reviewReportTitle } from './review-report.document';
export type { ReviewReportData } from './review-report.document';
export {
  gatherReviewReport,
  reviewReportFileName,
  ReviewNotFoundError,
  ReviewStillOpenError,
} from './review-report.gather';
export { reviewReportStorageKey, storeReviewReport } from './review-report.store';
export type { ReviewReportAuthor, StoredReviewReport } from './review-report.store';
