import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TaskBucketCounts } from '@app/domain';
import {
  bucketCountsOf,
  countedTasksCte,
  TOTAL_COLUMNS,
  taskTotalsWithCountedSelect,
} from '@app/persistence/queries/task-buckets.sql';
import { countedTaskInScope, programmeInScope, restrictedFrom, type Scope } from '../access';
import { SqlParams } from '../common/sql-params';

export interface BucketRow extends TaskBucketCounts {
  key: string | null;
  label: string | null;
}

/** A drill-down row's content, null where `hidden` (a restricted programme the caller does not read). */
function untitled(hidden: string): string {
  const columns: Array<[string, string]> = [
    ['title', 'p.title'],
    ['documentNumber', 'p.document_number'],
    ['phaseDeadline', 'p.phase_deadline'],
    ['memberInChargeId', 'p.member_in_charge_id'],
    ['fieldGroup', 'p.field_group'],
    ['implementsResolution', 'p.implements_resolution'],
    ['latestReviewHeadline', 'p.latest_review_headline'],
  ];
  return columns.map(([as, column]) => `CASE WHEN ${hidden} THEN NULL ELSE ${column} END AS "${as}"`).join(', ');
}

export interface AchievementRow {
  programmeId: string;
  /** Null for a restricted programme the caller does not read (also its document number, headline, low targets). */
  title: string | null;
  documentNumber: string | null;
  reviewSeq: number;
  reviewKind: string;
  periodLabel: string;
  achievedOrExceeded: number;
  targetsTotal: number;
  headline: string | null;
  low: Array<{
    code: string;
    name: string | null;
    unit: string | null;
    value: string | null;
    achievement: string | null;
  }>;
  /** Targets with an estimate for the review's year: the value as a share of it. */
  estimateShares: Array<{
    code: string;
    name: string;
    unit: string;
    value: string;
    estimate: string;
    sharePercent: string | null;
  }>;
}

export interface ProgrammeListRow {
  id: string;
  /** Null for a restricted programme the caller does not read, like everything but its id, unit, phase and term. */
  title: string | null;
  restricted: boolean;
  documentNumber: string | null;
  phase: string;
  phaseDeadline: string | null;
  term: string;
  issuingUnitId: string;
  originalIssuingUnitId: string | null;
  memberInChargeId: string;
  fieldGroup: string;
  implementsResolution: string | null;
  latestReviewHeadline: string | null;
}

export interface Overview {
  committee: { id: string; name: string } | null;
  term: string | null;
  asOf: string;
  programmesByPhase: Array<{ phase: string; count: number }>;
  tasks: {
    total: TaskBucketCounts;
    byUnit: BucketRow[];
    byMemberInCharge: BucketRow[];
    byFieldGroup: BucketRow[];
    /** Tasks due in each month and how many of them are late (done late or still open past due). */
    overdueTrend: Array<{ month: string; due: number; late: number }>;
  };
  achievement: { items: AchievementRow[]; total: number; page: number; pageSize: number };
}

interface GroupedRow {
  unit_id: string | null;
  unit_name: string | null;
  member_id: string | null;
  member_name: string | null;
  field_group: string | null;
  month: string | null;
  g: number;
  done_on_time: number;
  done_late: number;
  open_within_deadline: number;
  open_overdue: number;
}

/** GROUPING() bits of (unit, member, field group, month): 0 = grouped by that column. */
const GROUPING = {
  unit: 0b0111,
  member: 0b1011,
  field: 0b1101,
  month: 0b1110,
  all: 0b1111,
} as const;
const TREND_MONTHS = 60;

/** First and last moment of a term such as "2020-2025" (whole calendar years, Vietnam time). */
function termBounds(term: string): { from: string; to: string } {
  const [first, last] = term.split('-').map(Number);
  return { from: `${first}-01-01T00:00:00+07:00`, to: `${last + 1}-01-01T00:00:00+07:00` };
}

/** The due months of a term such as "2020-2025": from its first January to the January after it. */
function termMonths(term: string): { fromMonth: string; toMonth: string } {
  const [first, last] = term.split('-').map(Number);
  return { fromMonth: `${first}-01-01`, toMonth: `${last + 1}-01-01` };
}

/** The overview for a committee and term: plain indexed SQL over the read model. */
@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(
    scope: Scope,
    term: string | undefined,
    page: number,
    pageSize: number,
    now = new Date(),
  ): Promise<Overview> {
    const [programmesByPhase, tasks, achievement] = await Promise.all([
      this.programmesByPhase(scope, term),
      this.taskBuckets(scope, term, now),
      this.achievement(scope, term, page, pageSize),
    ]);
    return {
      committee: scope.committee,
      term: term ?? null,
      asOf: now.toISOString(),
      programmesByPhase,
      tasks,
      achievement,
    };
  }

  private programmeConditions(scope: Scope, term: string | undefined, p: string, params: SqlParams): string {
    const where = [programmeInScope(scope, p, params)];
    if (term) where.push(`${p}.term = ${params.add(term)}`);
    return where.join(' AND ');
  }

  async programmesByPhase(scope: Scope, term: string | undefined): Promise<Overview['programmesByPhase']> {
    const params = new SqlParams();
    const rows: Array<{ phase: string; count: number }> = await this.dataSource.query(
      `SELECT p.phase, count(*)::int AS count FROM programme p WHERE ${this.programmeConditions(scope, term, 'p', params)}
       GROUP BY p.phase ORDER BY count DESC, p.phase`,
      params.values,
    );
    return rows;
  }

  /**
   * The four buckets grouped by unit, member in charge and field group and in all (GROUPING SETS) over
   * the totals without month (`task_total`), and by due month for the trend over the counts of
   * `task_count` up to the current month, whose open tasks past due also move the totals from within
   * deadline to overdue; triggers keep both tables in step with `task`. A few thousand rows at a
   * province, tens of thousands for the whole country. A caller who sees only their own tasks is counted
   * straight from `task` (a handful of rows, by the person index).
   */
  async taskBuckets(scope: Scope, term: string | undefined, now: Date): Promise<Overview['tasks']> {
    const params = new SqlParams();
    const nowParam = params.add(now.toISOString());
    const termParam = term ? params.add(term) : '';
    // A programme's tasks are in its term; a task of no programme by its due date (`task_count` keeps the
    // due month, `task_total` the due year). Written as one range on (term, due month) for the index.
    const inTerm = (alias: 'c' | 't', counts: 'month' | 'year'): string => {
      if (!term) return 'TRUE';
      if (alias === 't') {
        const { from, to } = termBounds(term);
        return `(t.programme_id IN (SELECT p.id FROM programme p WHERE p.term = ${termParam})
          OR (t.programme_id IS NULL AND t.due_at >= ${params.add(from)} AND t.due_at < ${params.add(to)}))`;
      }
      if (counts === 'year') {
        const [first, last] = term.split('-').map(Number);
        return `c.term IN (${termParam}, '') AND (c.term <> '' OR c.due_year BETWEEN ${params.add(first)} AND ${params.add(last)})`;
      }
      const { fromMonth, toMonth } = termMonths(term);
      return `c.term IN (${termParam}, '') AND (c.term <> '' OR (c.due_month >= ${params.add(fromMonth)}::date AND c.due_month < ${params.add(toMonth)}::date))`;
    };
    const fromTasks = scope.kind === 'SELF';
    // The months up to now are read once: for the trend, and for the open tasks they hold past due.
    const counted = countedTasksCte({
      now: nowParam,
      where: (alias) => `${countedTaskInScope(scope, alias, params)} AND ${inTerm(alias, 'month')}`,
      fromTasks,
      untilCurrentMonth: true,
    });
    const totals = taskTotalsWithCountedSelect({
      where: (alias) => `${countedTaskInScope(scope, alias, params)} AND ${inTerm(alias, 'year')}`,
      fromTasks,
    });
    const sums = ['done_on_time', 'done_late', 'open_within_deadline', 'open_overdue']
      .map((c) => `COALESCE(sum(${c}), 0)::int AS ${c}`)
      .join(', ');
    // Names by key (a few hundred rows), each found by its primary key.
    const rows: GroupedRow[] = await this.dataSource.query(
      `WITH ${counted}, totals (${TOTAL_COLUMNS}) AS (${totals}),
       grouped AS (
         SELECT unit_id, NULLIF(member_id, '') AS member_id, NULLIF(field_group, '') AS field_group, NULL::date AS due_month,
           (GROUPING(unit_id, member_id, field_group) << 1 | 1)::int AS g, ${sums}
         FROM totals GROUP BY GROUPING SETS ((unit_id), (member_id), (field_group), ())
         UNION ALL
         SELECT NULL, NULL, NULL, due_month, ${GROUPING.month}, ${sums}
         FROM counted GROUP BY due_month)
       SELECT grouped.*, to_char(grouped.due_month, 'YYYY-MM') AS month,
         (SELECT u.name FROM org_unit u WHERE u.id = grouped.unit_id) AS unit_name,
         (SELECT m.full_name FROM person m WHERE m.id = grouped.member_id) AS member_name
       FROM grouped`,
      params.values,
    );
    const of = (g: number) => rows.filter((r) => r.g === g);
    const byTotalDesc = (a: BucketRow, b: BucketRow) => b.total - a.total || String(a.key).localeCompare(String(b.key));
    const total = of(GROUPING.all)[0];
    const currentMonth = now.toISOString().slice(0, 7);
    return {
      total: bucketCountsOf(total),
      byUnit: of(GROUPING.unit)
        .map((r) => ({ key: r.unit_id, label: r.unit_name, ...bucketCountsOf(r) }))
        .sort(byTotalDesc),
      byMemberInCharge: of(GROUPING.member)
        .map((r) => ({ key: r.member_id, label: r.member_name, ...bucketCountsOf(r) }))
        .sort(byTotalDesc),
      byFieldGroup: of(GROUPING.field)
        .map((r) => ({ key: r.field_group, label: r.field_group, ...bucketCountsOf(r) }))
        .sort(byTotalDesc),
      overdueTrend: of(GROUPING.month)
        .filter((r) => r.month !== null && r.month <= currentMonth)
        .map((r) => ({ month: r.month as string, due: bucketCountsOf(r).total, late: r.done_late + r.open_overdue }))
        .sort((a, b) => a.month.localeCompare(b.month))
        .slice(-TREND_MONTHS),
    };
  }

  /** The programmes in scope (for drill-down), most pressing phase deadline first. */
  async programmes(
    scope: Scope,
    term: string | undefined,
    phase: string | undefined,
    page: number,
    pageSize: number,
    view: 'current' | 'asBefore' = 'current',
  ): Promise<{ items: ProgrammeListRow[]; total: number; page: number; pageSize: number }> {
    // "As before the merger": the unit a programme had before any restructuring, grouped by it.
    const unit = view === 'asBefore' ? 'COALESCE(p.original_issuing_unit_id, p.issuing_unit_id)' : 'p.issuing_unit_id';
    const params = new SqlParams();
    const where = [this.programmeConditions(scope, term, 'p', params)];
    if (phase) where.push(`p.phase = ${params.add(phase)}`);
    const countParams = [...params.values];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.phase, p.term, ${unit} AS "issuingUnitId", p.original_issuing_unit_id AS "originalIssuingUnitId",
           c.restricted, ${untitled('c.hidden')}
         FROM programme p CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM restricted_programme r WHERE r.programme_id = p.id) AS restricted,
           ${restrictedFrom(scope.reader, 'p.id', params)} AS hidden) c WHERE ${where.join(' AND ')}
         ORDER BY ${view === 'asBefore' ? `${unit}, ` : ''}p.phase_deadline ASC NULLS LAST, p.id LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
        params.values,
      ) as Promise<ProgrammeListRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM programme p WHERE ${where.join(' AND ')}`, countParams),
    ]);
    return { items, total, page, pageSize };
  }

  /** Achievement of targets per programme and closed review period, with the low targets named. */
  async achievement(
    scope: Scope,
    term: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<Overview['achievement']> {
    const params = new SqlParams();
    const where = `r.closed_at IS NOT NULL AND r.targets_total IS NOT NULL AND ${this.programmeConditions(scope, term, 'p', params)}`;
    const countParams = [...params.values];
    // A restricted programme the caller does not read is counted, untitled (`secrecy`).
    const hidden = `(${restrictedFrom(scope.reader, 'p.id', params)})`;
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT r.programme_id AS "programmeId", CASE WHEN ${hidden} THEN NULL ELSE p.title END AS title,
           CASE WHEN ${hidden} THEN NULL ELSE p.document_number END AS "documentNumber", r.seq AS "reviewSeq",
           r.kind AS "reviewKind", r.period_label AS "periodLabel", r.achieved_or_exceeded AS "achievedOrExceeded",
           r.targets_total AS "targetsTotal", CASE WHEN ${hidden} THEN NULL ELSE r.headline END AS headline,
           CASE WHEN ${hidden} THEN '[]'::json ELSE COALESCE((SELECT json_agg(json_build_object('code', c.code, 'name', pt.name, 'unit', pt.unit, 'value', tv.value,
                       'achievement', tv.achievement) ORDER BY c.ord)
                     FROM unnest(r.low_target_codes) WITH ORDINALITY AS c(code, ord)
                     LEFT JOIN programme_target pt ON pt.programme_id = r.programme_id AND pt.code = c.code
                     LEFT JOIN target_value tv ON tv.programme_id = r.programme_id AND tv.target_code = c.code AND tv.review_seq = r.seq),
                    '[]'::json) END AS low,
           CASE WHEN ${hidden} THEN '[]'::json ELSE COALESCE((SELECT json_agg(json_build_object('code', tv.target_code, 'name', pt.name, 'unit', pt.unit,
                       'value', tv.value, 'estimate', tv.annual_estimate, 'sharePercent', tv.share_of_estimate::text) ORDER BY tv.target_code)
                     FROM target_value tv JOIN programme_target pt ON pt.programme_id = tv.programme_id AND pt.code = tv.target_code
                     WHERE tv.programme_id = r.programme_id AND tv.review_seq = r.seq AND tv.annual_estimate IS NOT NULL AND tv.value IS NOT NULL),
                    '[]'::json) END AS "estimateShares"
         FROM programme_review r JOIN programme p ON p.id = r.programme_id
         WHERE ${where}
         ORDER BY p.id, r.seq LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ) as Promise<AchievementRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM programme_review r JOIN programme p ON p.id = r.programme_id WHERE ${where}`,
        countParams,
      ),
    ]);
    return { items, total, page, pageSize };
  }
}
