import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { latestClosedReview, ProgrammeState, ProgrammeTarget, Review, withSteeringCommittee } from '@app/domain';
import { NotificationKind, NotificationProducer } from '@app/notifications';
import { FaultPoints } from '@app/observability/fault-points';
import type { PublishChangesInput } from '@app/workflows/programme/activity-interfaces';
import { CascadeFulfilmentService } from '../cascade/cascade-fulfilment.service';
import { CHAIN_COLUMNS_SET, chainValues, newestChainWins } from '../common/projection-chain';
import { closedReviewSeqs, ReviewReportOnCloseService } from './review-report-on-close.service';

/**
 * Writes what a programme workflow changed into the read model, in one transaction, then asks for
 * notifications. Safe to run twice: the projection keeps the newest version, audit events and
 * phase rows are keyed, and notification jobs are de-duplicated by their key.
 */
@Injectable()
export class ProgrammeProjectionService {
  private readonly logger = new Logger(ProgrammeProjectionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationProducer,
    private readonly cascade: CascadeFulfilmentService,
    private readonly reviewReports: ReviewReportOnCloseService,
    @Optional() private readonly faults: FaultPoints = FaultPoints.OFF,
  ) {}

  async publish(input: Omit<PublishChangesInput, 'version'>, s: ProgrammeState): Promise<void> {
    const latestReview = latestClosedReview(s);
    const id = s.setup.programmeId;
    await this.dataSource.transaction(async (tx) => {
      const [prior]: Array<{ chainRunId: string | null }> = await tx.query(
        `SELECT chain_run_id AS "chainRunId" FROM programme WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const applied: unknown[] = await tx.query(
        `INSERT INTO programme (id, title, document_number, issued_on, template_id, template_version, phase, phase_deadline,
           issuing_unit_id, member_in_charge_id, field_group, term, implements_resolution, workflow_id,
           latest_review_headline, projection_seq, snapshot, created_by, resolution_id, chain_run_id, chain_started_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)
         ON CONFLICT (id) DO UPDATE SET
           title = EXCLUDED.title, document_number = EXCLUDED.document_number, issued_on = EXCLUDED.issued_on,
           template_id = EXCLUDED.template_id, template_version = EXCLUDED.template_version,
           phase = EXCLUDED.phase, phase_deadline = EXCLUDED.phase_deadline, issuing_unit_id = EXCLUDED.issuing_unit_id,
           member_in_charge_id = EXCLUDED.member_in_charge_id, field_group = EXCLUDED.field_group, term = EXCLUDED.term,
           implements_resolution = EXCLUDED.implements_resolution, workflow_id = EXCLUDED.workflow_id,
           created_by = EXCLUDED.created_by, resolution_id = EXCLUDED.resolution_id,
           latest_review_headline = EXCLUDED.latest_review_headline, projection_seq = EXCLUDED.projection_seq,
           snapshot = EXCLUDED.snapshot, ${CHAIN_COLUMNS_SET}, updated_at = now()
         WHERE ${newestChainWins('programme', '$21')}
         RETURNING id`,
        [
          s.setup.programmeId,
          s.setup.title,
          s.issuance?.documentNumber ?? null,
          s.issuance?.issuedOn ?? null,
          s.setup.templateId,
          s.setup.templateVersion,
          s.phase,
          s.phaseDeadline,
          s.setup.issuingUnitId,
          s.setup.memberInChargeId,
          s.setup.fieldGroup,
          s.setup.term,
          s.setup.implementsResolution,
          input.workflowId,
          latestReview?.summary?.headline ?? null,
          s.version,
          JSON.stringify(s),
          s.setup.createdBy,
          s.setup.resolutionId ?? null,
          ...chainValues(input.chain),
        ],
      );
      // An older version (or an older chain's) arriving late changes nothing derived from the state either.
      if (applied.length > 0) {
        // A newer chain under this id: what the older one derived goes, the newer state holds all of its own.
        if (prior && prior.chainRunId !== (input.chain?.runId ?? null)) await clearDerivedRows(tx, id);
        await this.writeTargetsAndReviews(tx, s);
        // Phase rows are keyed and append-only: repeats ignored.
        await tx.query(
          `INSERT INTO programme_phase_history (programme_id, seq, phase, entered_at, deadline, actor_id, reason)
           SELECT $1, h.seq, h.phase, h."enteredAt", h.deadline, h."actorId", h.reason
             FROM jsonb_to_recordset($2::jsonb) AS h(seq int, phase text, "enteredAt" timestamptz, deadline timestamptz, "actorId" text, reason text)
           ON CONFLICT DO NOTHING`,
          [id, JSON.stringify(s.phaseHistory)],
        );
      }
      // Audit events are keyed (per run chain) and append-only.
      if (input.events.length > 0) {
        await tx.query(
          `INSERT INTO audit_event (event_key, programme_id, actor_id, action, occurred_at, before, after)
           SELECT a.key, a."programmeId", a."actorId", a.action, a."occurredAt", a.before, a.after
             FROM jsonb_to_recordset($1::jsonb) AS a(key text, "programmeId" text, "actorId" text, action text, "occurredAt" timestamptz, before jsonb, after jsonb)
           ON CONFLICT (event_key) DO NOTHING`,
          [JSON.stringify(input.events)],
        );
      }
      await this.faults.reach('programme-projection.in-transaction', id, { version: s.version });
    });
    for (const n of input.notifications) {
      await this.notifications.enqueue({
        key: n.key,
        kind: n.kind as NotificationKind,
        // The steering committee hears of reviews and escalations: added here, so no workflow changes.
        recipientIds: withSteeringCommittee(n.kind, n.recipientIds, s),
        programmeId: n.programmeId,
        params: n.params,
        occurredAt: n.occurredAt,
      });
    }
    // Issued implementing a registry entry: the body's obligations of the cascade are fulfilled.
    if (s.issuance?.issuedOn && s.setup.resolutionId)
      await this.cascade.programmeIssued({
        programmeId: s.setup.programmeId,
        unitId: s.setup.issuingUnitId,
        resolutionId: s.setup.resolutionId,
        issuedOn: s.issuance.issuedOn,
      });
    // A review closed: its report is stored now, from the rows just written (once per review). Last,
    // because it writes to the document storage: an object store that is down holds back only this
    // (the activity retries), not the cascade before it.
    await this.reviewReports.storeClosed(s, closedReviewSeqs(input.events));
    await this.faults.reach('programme-projection.after-effects', id, { version: s.version });
    this.logger.debug(
      `programme ${s.setup.programmeId} v${s.version}: ${input.events.length} audit, ${input.notifications.length} notifications`,
    );
  }

  /** Targets, reviews and the value of each target per review period, from the projected state. */
  private async writeTargetsAndReviews(tx: EntityManager, s: ProgrammeState): Promise<void> {
    const id = s.setup.programmeId;
    const targets = s.issuance?.targets ?? [];
    if (targets.length > 0) {
      await tx.query(
        `INSERT INTO programme_target (programme_id, code, name, unit, baseline, goal, period_goals, responsible_unit_id, annual_estimates)
         SELECT $1, t.code, t.name, t.unit, t.baseline, t.goal, t."periodGoals", t."responsibleUnitId", COALESCE(t."annualEstimates", '{}')
           FROM jsonb_to_recordset($2::jsonb) AS t(code text, name text, unit text, baseline text, goal jsonb, "periodGoals" jsonb, "responsibleUnitId" text,
             "annualEstimates" jsonb)
         ON CONFLICT (programme_id, code) DO UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit, baseline = EXCLUDED.baseline,
           goal = EXCLUDED.goal, period_goals = EXCLUDED.period_goals, responsible_unit_id = EXCLUDED.responsible_unit_id,
           annual_estimates = EXCLUDED.annual_estimates
         WHERE (programme_target.name, programme_target.unit, programme_target.baseline, programme_target.goal, programme_target.period_goals,
           programme_target.responsible_unit_id, programme_target.annual_estimates) IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.unit, EXCLUDED.baseline, EXCLUDED.goal, EXCLUDED.period_goals, EXCLUDED.responsible_unit_id,
            EXCLUDED.annual_estimates)`,
        [id, JSON.stringify(targets)],
      );
    }
    const reviews = [...s.implementation.reviews, ...(s.finalReview.review ? [s.finalReview.review] : [])];
    if (reviews.length === 0) return;
    await tx.query(
      `INSERT INTO programme_review (programme_id, seq, kind, period_label, opens_at, closes_at, closed_at, expected_unit_ids,
         reported_unit_ids, headline, achieved_or_exceeded, targets_total, low_target_codes)
       SELECT $1, r.seq, r.kind, r."periodLabel", r."opensAt", r."closesAt", r."closedAt", r."expectedUnitIds", r."reportedUnitIds",
         r.headline, r.achieved, r.total, r."lowTargetCodes"
         FROM jsonb_to_recordset($2::jsonb) AS r(seq int, kind text, "periodLabel" text, "opensAt" timestamptz, "closesAt" timestamptz,
           "closedAt" timestamptz, "expectedUnitIds" text[], "reportedUnitIds" text[], headline text, achieved int, total int, "lowTargetCodes" text[])
       ON CONFLICT (programme_id, seq) DO UPDATE SET kind = EXCLUDED.kind, period_label = EXCLUDED.period_label, opens_at = EXCLUDED.opens_at,
         closes_at = EXCLUDED.closes_at, closed_at = EXCLUDED.closed_at, expected_unit_ids = EXCLUDED.expected_unit_ids,
         reported_unit_ids = EXCLUDED.reported_unit_ids, headline = EXCLUDED.headline, achieved_or_exceeded = EXCLUDED.achieved_or_exceeded,
         targets_total = EXCLUDED.targets_total, low_target_codes = EXCLUDED.low_target_codes
       WHERE (programme_review.closed_at, programme_review.reported_unit_ids, programme_review.headline, programme_review.opens_at,
         programme_review.closes_at, programme_review.expected_unit_ids) IS DISTINCT FROM
         (EXCLUDED.closed_at, EXCLUDED.reported_unit_ids, EXCLUDED.headline, EXCLUDED.opens_at, EXCLUDED.closes_at, EXCLUDED.expected_unit_ids)`,
      [id, JSON.stringify(reviews.map(reviewRow))],
    );
    const values = reviews
      .filter((r) => r.closedAt || Object.keys(r.reports).length > 0)
      .flatMap((r) => targetValueRows(r, targets));
    if (values.length === 0) return;
    await tx.query(
      `INSERT INTO target_value (programme_id, target_code, review_seq, period_label, value, reported_by_unit_id, reported_at, achievement,
         reference_value, annual_estimate, share_of_estimate)
       SELECT $1, v.code, v.seq, v."periodLabel", v.value, v."unitId", v."reportedAt", v.achievement, v."referenceValue", v."annualEstimate",
         v."shareOfEstimate"
         FROM jsonb_to_recordset($2::jsonb) AS v(code text, seq int, "periodLabel" text, value text, "unitId" text, "reportedAt" timestamptz, achievement text,
           "referenceValue" text, "annualEstimate" text, "shareOfEstimate" numeric)
       ON CONFLICT (programme_id, target_code, review_seq) DO UPDATE SET period_label = EXCLUDED.period_label, value = EXCLUDED.value,
         reported_by_unit_id = EXCLUDED.reported_by_unit_id, reported_at = EXCLUDED.reported_at, achievement = EXCLUDED.achievement,
         reference_value = EXCLUDED.reference_value, annual_estimate = EXCLUDED.annual_estimate, share_of_estimate = EXCLUDED.share_of_estimate
       WHERE (target_value.value, target_value.reported_at, target_value.achievement, target_value.reference_value, target_value.annual_estimate,
         target_value.share_of_estimate) IS DISTINCT FROM
         (EXCLUDED.value, EXCLUDED.reported_at, EXCLUDED.achievement, EXCLUDED.reference_value, EXCLUDED.annual_estimate, EXCLUDED.share_of_estimate)`,
      [id, JSON.stringify(values)],
    );
  }
}

/** Phase history, targets, reviews and target values of the programme's row, all derived from one chain's state. */
async function clearDerivedRows(tx: EntityManager, programmeId: string): Promise<void> {
  for (const table of ['target_value', 'programme_review', 'programme_target', 'programme_phase_history'])
    await tx.query(`DELETE FROM ${table} WHERE programme_id = $1`, [programmeId]);
}

function reviewRow(r: Review) {
  return {
    seq: r.seq,
    kind: r.kind,
    periodLabel: r.periodLabel,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    closedAt: r.closedAt,
    expectedUnitIds: r.expectedUnitIds,
    reportedUnitIds: Object.keys(r.reports).sort(),
    headline: r.summary?.headline ?? null,
    achieved: r.summary ? r.summary.exceeded + r.summary.achieved : null,
    total: r.summary?.total ?? null,
    lowTargetCodes: r.lowTargetCodes,
  };
}

/** One row per target for a review: the latest value reported in it (if any) and, once closed, the achievement. */
function targetValueRows(r: Review, targets: ProgrammeTarget[]) {
  const byTime = Object.values(r.reports).sort((a, b) => a.at.localeCompare(b.at));
  return targets.map((t) => {
    const report = byTime.filter((rep) => rep.values[t.code] !== undefined).at(-1);
    return {
      code: t.code,
      seq: r.seq,
      periodLabel: r.periodLabel,
      value: report?.values[t.code] ?? null,
      unitId: report?.unitId ?? null,
      reportedAt: report?.at ?? null,
      achievement: r.closedAt ? (r.results[t.code] ?? null) : null,
      referenceValue: r.referenceValues?.[t.code] ?? null,
      annualEstimate: r.estimateShares?.[t.code]?.estimate ?? null,
      shareOfEstimate: r.estimateShares?.[t.code]?.sharePercent ?? null,
    };
  });
}
