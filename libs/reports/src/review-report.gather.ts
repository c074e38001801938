import {
  REVIEW_KIND_VI,
  VN_TIME_ZONE,
  type ProgrammeState,
  type Review,
  type ReviewKind,
  type TargetGoal,
} from '@app/domain';
import { bucketCountsOf, taskBucketCountsSql } from '@app/persistence/queries/task-buckets.sql';
import { asciiSlug, goalText, placeOf } from './report-text.util';
import type { ReviewReportData } from './review-report.document';

const NEXT_TASKS_LISTED = 10;

/** What the gatherer needs of a connection: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ReviewReportRequest {
  reviewSeq: number;
  /** Defaults to `<reviewSeq>-BC/<suffix of the programme number>`. */
  documentNumber?: string;
  causes?: string[];
  lessons?: string[];
}

/** The programme has no review with that number. */
export class ReviewNotFoundError extends Error {}
/** The review is still open: its report comes once it closes. */
export class ReviewStillOpenError extends Error {}

/** "bao-cao-so-ket-nam-<programme>-2021.docx" */
export function reviewReportFileName(data: ReviewReportData, programmeId: string, ext = 'docx'): string {
  return `bao-cao-${asciiSlug(data.review.kindLabel)}-${asciiSlug(programmeId)}-${asciiSlug(data.review.periodLabel)}.${ext}`;
}

/**
 * Collects the figures of one closed review from the read model: targets, task buckets as of `now`,
 * unit reports, low areas, causes, lessons, evaluations and commendations.
 */
export async function gatherReviewReport(
  db: Queryable,
  programmeId: string,
  req: ReviewReportRequest,
  now: Date,
): Promise<ReviewReportData> {
  const [p] = await db.query(
    `SELECT p.title, p.document_number AS "documentNumber", p.implements_resolution AS "implementsResolution", u.name AS "committeeName", p.snapshot
     FROM programme p JOIN org_unit u ON u.id = p.issuing_unit_id WHERE p.id = $1`,
    [programmeId],
  );
  const [r] = await db.query(
    `SELECT seq, kind, period_label AS "periodLabel", opens_at AS "opensAt", closes_at AS "closesAt", closed_at AS "closedAt",
       achieved_or_exceeded AS "achievedOrExceeded", targets_total AS "targetsTotal", low_target_codes AS "lowTargetCodes"
     FROM programme_review WHERE programme_id = $1 AND seq = $2`,
    [programmeId, req.reviewSeq],
  );
  if (!p || !r) throw new ReviewNotFoundError(`programme ${programmeId} has no review number ${req.reviewSeq}`);
  if (!r.closedAt)
    throw new ReviewStillOpenError(
      `review ${req.reviewSeq} (${r.periodLabel}) is still open; its report is generated once it closes`,
    );

  const targets: Array<{
    code: string;
    name: string;
    unit: string;
    goal: TargetGoal;
    value: string | null;
    achievement: string | null;
    referenceValue: string | null;
    annualEstimate: string | null;
    shareOfEstimate: string | null;
  }> = await db.query(
    `SELECT pt.code, pt.name, pt.unit, pt.goal, tv.value, tv.achievement, tv.reference_value AS "referenceValue",
       tv.annual_estimate AS "annualEstimate", tv.share_of_estimate::text AS "shareOfEstimate"
     FROM programme_target pt LEFT JOIN target_value tv ON tv.programme_id = pt.programme_id AND tv.target_code = pt.code AND tv.review_seq = $2
     WHERE pt.programme_id = $1 ORDER BY pt.code`,
    [programmeId, req.reviewSeq],
  );
  const [buckets] = await db.query(
    `SELECT ${taskBucketCountsSql('t', '$2::timestamptz')} FROM task t WHERE t.programme_id = $1`,
    [programmeId, now.toISOString()],
  );
  const nextTasks = await db.query(
    `SELECT t.title, u.name AS "unitName", to_char(t.due_at AT TIME ZONE '${VN_TIME_ZONE}', 'DD/MM/YYYY') AS "dueOn"
     FROM task t LEFT JOIN org_unit u ON u.id = t.responsible_unit_id
     WHERE t.programme_id = $1 AND t.status NOT IN ('DONE', 'CANCELLED') ORDER BY t.due_at, t.id LIMIT ${NEXT_TASKS_LISTED}`,
    [programmeId],
  );
  const state = p.snapshot as Partial<ProgrammeState>;
  const reviews: Review[] = [
    ...(state.implementation?.reviews ?? []),
    ...(state.finalReview?.review ? [state.finalReview.review] : []),
  ];
  const review = reviews.find((x) => x.seq === req.reviewSeq);
  const names = await namesOf(db, [
    ...Object.values(review?.reports ?? {}).map((x) => x.unitId),
    ...(state.finalReview?.evaluations ?? []).map((e) => e.subjectId),
    ...(state.finalReview?.commendations ?? []).map((c) => c.subjectId),
    ...(review?.commendations ?? []).map((c) => c.subjectId),
  ]);
  const name = (id: string) => names.get(id) ?? id;
  // Inspections since the previous review closed are what this review reports on.
  const since =
    reviews
      .filter((x) => x.seq < req.reviewSeq && x.closedAt)
      .map((x) => x.closedAt as string)
      .sort()
      .at(-1) ?? '';
  const inPeriod = (at: string) => at > since && at <= new Date(r.closedAt).toISOString();
  const kind = r.kind as ReviewKind;
  const lowCodes: string[] = r.lowTargetCodes ?? [];
  const suffix = p.documentNumber?.split('/')[1] ?? 'TU';

  return {
    committeeName: p.committeeName,
    documentNumber: req.documentNumber ?? `${req.reviewSeq}-BC/${suffix}`,
    place: placeOf(p.committeeName),
    issuedOn: now,
    programme: { title: p.title, documentNumber: p.documentNumber, implementsResolution: p.implementsResolution },
    review: {
      seq: r.seq,
      kind,
      kindLabel: REVIEW_KIND_VI[kind] ?? kind,
      periodLabel: r.periodLabel,
      opensAt: new Date(r.opensAt).toISOString(),
      closesAt: new Date(r.closesAt).toISOString(),
    },
    targets: targets.map((t) => ({
      code: t.code,
      name: t.name,
      unit: t.unit,
      goal: goalText(t.goal),
      value: t.value === null || t.referenceValue === null ? t.value : `${t.value} (so sánh: ${t.referenceValue})`,
      achievement: t.achievement ?? 'NO_DATA',
    })),
    estimateShares: targets
      .filter((t) => t.value !== null && t.annualEstimate !== null)
      .map((t) => ({
        code: t.code,
        name: t.name,
        unit: t.unit,
        value: t.value as string,
        estimate: t.annualEstimate as string,
        sharePercent: t.shareOfEstimate,
      })),
    summary: {
      achievedOrExceeded:
        r.achievedOrExceeded ??
        targets.filter((t) => t.achievement === 'ACHIEVED' || t.achievement === 'EXCEEDED').length,
      total: r.targetsTotal ?? targets.length,
    },
    buckets: bucketCountsOf(buckets),
    unitReports: Object.values(review?.reports ?? {}).map((x) => ({ unitName: name(x.unitId), text: x.text })),
    low: targets
      .filter((t) => lowCodes.includes(t.code))
      .map((t) => ({ code: t.code, name: t.name, value: t.value, goal: `${goalText(t.goal)} ${t.unit}` })),
    causes:
      req.causes ?? (state.implementation?.inspections ?? []).filter((i) => inPeriod(i.at)).map((i) => i.findings),
    lessons: req.lessons ?? (kind === 'FINAL' ? (state.finalReview?.lessons ?? []) : []),
    nextTasks,
    evaluations:
      kind === 'FINAL'
        ? (state.finalReview?.evaluations ?? []).map((e) => ({
            subject: name(e.subjectId),
            rating: e.rating,
            comment: e.comment,
          }))
        : [],
    // A final review lists the final commendations; any other review those made at it (commendAtReview).
    commendations:
      kind === 'FINAL'
        ? (state.finalReview?.commendations ?? []).map((c) => ({ subject: name(c.subjectId), text: c.text }))
        : (review?.commendations ?? []).map((c) => ({ subject: name(c.subjectId), text: c.reason })),
  };
}

/** Names of the units and people a document mentions, by id. */
export async function namesOf(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: Array<{ id: string; name: string }> = await db.query(
    `SELECT id, name FROM org_unit WHERE id = ANY($1) UNION ALL SELECT id, full_name FROM person WHERE id = ANY($1)`,
    [unique],
  );
  return new Map(rows.map((x) => [x.id, x.name]));
}
