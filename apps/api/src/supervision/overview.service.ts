import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { programmeInScope, SqlParams, taskInScope, termBounds, termMonths } from './scope-sql.util';
import type { SupervisionScope } from './supervision-scope.service';

/** Counts in the four tracking buckets, named as in `TaskBucket`, plus their total. */
export interface BucketCounts {
  DONE_ON_TIME: number;
  DONE_LATE: number;
  OPEN_WITHIN_DEADLINE: number;
  OPEN_OVERDUE: number;
  total: number;
}

export interface BucketRow extends BucketCounts {
  key: string | null;
  label: string | null;
}

export interface AchievementRow {
  programmeId: string;
  title: string;
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
}

export interface ProgrammeListRow {
  id: string;
  title: string;
  documentNumber: string | null;
  phase: string;
  phaseDeadline: string | null;
  term: string;
  issuingUnitId: string;
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
    total: BucketCounts;
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
  unitMemberField: 0b0001,
} as const;
const TREND_MONTHS = 60;
/** Months and due days are those of Vietnam, as in the term bounds. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function counts(r: GroupedRow): BucketCounts {
  return {
    DONE_ON_TIME: r.done_on_time,
    DONE_LATE: r.done_late,
    OPEN_WITHIN_DEADLINE: r.open_within_deadline,
    OPEN_OVERDUE: r.open_overdue,
    total: r.done_on_time + r.done_late + r.open_within_deadline + r.open_overdue,
  };
}

/** The overview for a committee and term: plain indexed SQL over the read model. */
@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(
    scope: SupervisionScope,
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

  private programmeConditions(scope: SupervisionScope, term: string | undefined, p: string, params: SqlParams): string {
    const where = [programmeInScope(scope, p, params)];
    if (term) where.push(`${p}.term = ${params.add(term)}`);
    return where.join(' AND ');
  }

  async programmesByPhase(scope: SupervisionScope, term: string | undefined): Promise<Overview['programmesByPhase']> {
    const params = new SqlParams();
    const rows: Array<{ phase: string; count: number }> = await this.dataSource.query(
      `SELECT p.phase, count(*)::int AS count FROM programme p WHERE ${this.programmeConditions(scope, term, 'p', params)}
       GROUP BY p.phase ORDER BY count DESC, p.phase`,
      params.values,
    );
    return rows;
  }

  /**
   * The four buckets grouped four ways at once (GROUPING SETS) over the counts of `task_count`, which
   * triggers keep in step with `task`. Open tasks are counted there by due month: those of earlier
   * months are overdue, of later months within deadline, and those of the current month that are
   * already past due are read from `task` itself. A caller who sees only their own tasks is counted
   * straight from `task` (a handful of rows, by the person index).
   */
  async taskBuckets(scope: SupervisionScope, term: string | undefined, now: Date): Promise<Overview['tasks']> {
    const params = new SqlParams();
    const nowParam = `${params.add(now.toISOString())}::timestamptz`;
    const monthStart = `date_trunc('month', ${nowParam} AT TIME ZONE '${TIME_ZONE}')`;
    const thisMonth = `${monthStart}::date`;
    const termTasks = (t: string) => {
      if (!term) return 'TRUE';
      const { from, to } = termBounds(term);
      return `(${t}.programme_id IN (SELECT p.id FROM programme p WHERE p.term = ${params.add(term)})
        OR (${t}.programme_id IS NULL AND ${t}.due_at >= ${params.add(from)} AND ${t}.due_at < ${params.add(to)}))`;
    };
    const openTask = (t: string) => `${t}.status NOT IN ('DONE','CANCELLED')`;
    const taskKey = (t: string) =>
      `${t}.responsible_unit_id, COALESCE(${t}.member_in_charge_id, ''), COALESCE(${t}.field_group, ''), date_trunc('month', ${t}.due_at AT TIME ZONE '${TIME_ZONE}')::date`;
    let counted: string;
    if (scope.kind === 'SELF') {
      counted = `SELECT ${taskKey('t')},
          (t.status = 'DONE' AND t.done_at <= t.due_at)::int, (t.status = 'DONE' AND t.done_at > t.due_at)::int,
          (${openTask('t')} AND t.due_at >= ${nowParam})::int, (${openTask('t')} AND t.due_at < ${nowParam})::int
        FROM task t WHERE ${taskInScope(scope, 't', params)} AND t.status <> 'CANCELLED' AND ${termTasks('t')}`;
    } else {
      let termCounts = 'TRUE';
      if (term) {
        const { fromMonth, toMonth } = termMonths(term);
        termCounts = `(c.term = ${params.add(term)} OR (c.term = '' AND c.due_month >= ${params.add(fromMonth)}::date AND c.due_month < ${params.add(toMonth)}::date))`;
      }
      // The current month's open tasks start as within deadline; those already past due move to overdue.
      counted = `SELECT c.responsible_unit_id, c.member_in_charge_id, c.field_group, c.due_month, c.done_on_time, c.done_late,
          CASE WHEN c.due_month >= ${thisMonth} THEN c.open ELSE 0 END, CASE WHEN c.due_month < ${thisMonth} THEN c.open ELSE 0 END
        FROM task_count c WHERE ${taskInScope(scope, 'c', params)} AND ${termCounts}
        UNION ALL
        SELECT ${taskKey('t')}, 0, 0, -1, 1
        FROM task t WHERE ${taskInScope(scope, 't', params)} AND ${openTask('t')} AND ${termTasks('t')}
          AND t.due_at >= (${monthStart} AT TIME ZONE '${TIME_ZONE}') AND t.due_at < ${nowParam}`;
    }
    const sums = (cast: string) =>
      ['done_on_time', 'done_late', 'open_within_deadline', 'open_overdue']
        .map((c) => `COALESCE(sum(${c}), 0)${cast} AS ${c}`)
        .join(', ');
    // Two hash passes over the counted rows (by unit, member and field together, and by month), then
    // the few (unit, member, field) rows are grouped each way: cheaper than four passes over all rows.
    const rows: GroupedRow[] = await this.dataSource.query(
      `WITH counted (unit_id, member_id, field_group, due_month, done_on_time, done_late, open_within_deadline, open_overdue) AS (${counted}),
       firstpass AS (
         SELECT unit_id, member_id, field_group, due_month, GROUPING(unit_id, member_id, field_group, due_month)::int AS g, ${sums('')}
         FROM counted GROUP BY GROUPING SETS ((unit_id, member_id, field_group), (due_month))),
       grouped AS (
         SELECT unit_id, NULLIF(member_id, '') AS member_id, NULLIF(field_group, '') AS field_group, NULL::date AS due_month,
           (GROUPING(unit_id, member_id, field_group) << 1 | 1)::int AS g, ${sums('::int')}
         FROM firstpass WHERE g = ${GROUPING.unitMemberField}
         GROUP BY GROUPING SETS ((unit_id), (member_id), (field_group), ())
         UNION ALL
         SELECT NULL, NULL, NULL, due_month, g, done_on_time::int, done_late::int, open_within_deadline::int, open_overdue::int
         FROM firstpass WHERE g = ${GROUPING.month})
       SELECT grouped.*, to_char(grouped.due_month, 'YYYY-MM') AS month, u.name AS unit_name, m.full_name AS member_name
       FROM grouped LEFT JOIN org_unit u ON u.id = grouped.unit_id LEFT JOIN person m ON m.id = grouped.member_id`,
      params.values,
    );
    const of = (g: number) => rows.filter((r) => r.g === g);
    const byTotalDesc = (a: BucketRow, b: BucketRow) => b.total - a.total || String(a.key).localeCompare(String(b.key));
    const total = of(GROUPING.all)[0];
    const currentMonth = now.toISOString().slice(0, 7);
    return {
      total: total
        ? counts(total)
        : { DONE_ON_TIME: 0, DONE_LATE: 0, OPEN_WITHIN_DEADLINE: 0, OPEN_OVERDUE: 0, total: 0 },
      byUnit: of(GROUPING.unit)
        .map((r) => ({ key: r.unit_id, label: r.unit_name, ...counts(r) }))
        .sort(byTotalDesc),
      byMemberInCharge: of(GROUPING.member)
        .map((r) => ({ key: r.member_id, label: r.member_name, ...counts(r) }))
        .sort(byTotalDesc),
      byFieldGroup: of(GROUPING.field)
        .map((r) => ({ key: r.field_group, label: r.field_group, ...counts(r) }))
        .sort(byTotalDesc),
      overdueTrend: of(GROUPING.month)
        .filter((r) => r.month !== null && r.month <= currentMonth)
        .map((r) => ({ month: r.month as string, due: counts(r).total, late: r.done_late + r.open_overdue }))
        .sort((a, b) => a.month.localeCompare(b.month))
        .slice(-TREND_MONTHS),
    };
  }

  /** The programmes in scope (for drill-down), most pressing phase deadline first. */
  async programmes(
    scope: SupervisionScope,
    term: string | undefined,
    phase: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: ProgrammeListRow[]; total: number; page: number; pageSize: number }> {
    const params = new SqlParams();
    const where = [this.programmeConditions(scope, term, 'p', params)];
    if (phase) where.push(`p.phase = ${params.add(phase)}`);
    const countParams = [...params.values];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.title, p.document_number AS "documentNumber", p.phase, p.phase_deadline AS "phaseDeadline", p.term,
           p.issuing_unit_id AS "issuingUnitId", p.member_in_charge_id AS "memberInChargeId", p.field_group AS "fieldGroup",
           p.implements_resolution AS "implementsResolution", p.latest_review_headline AS "latestReviewHeadline"
         FROM programme p WHERE ${where.join(' AND ')}
         ORDER BY p.phase_deadline ASC NULLS LAST, p.id LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
        params.values,
      ) as Promise<ProgrammeListRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM programme p WHERE ${where.join(' AND ')}`, countParams),
    ]);
    return { items, total, page, pageSize };
  }

  /** Achievement of targets per programme and closed review period, with the low targets named. */
  async achievement(
    scope: SupervisionScope,
    term: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<Overview['achievement']> {
    const params = new SqlParams();
    const where = `r.closed_at IS NOT NULL AND r.targets_total IS NOT NULL AND ${this.programmeConditions(scope, term, 'p', params)}`;
    const countParams = [...params.values];
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT r.programme_id AS "programmeId", p.title, p.document_number AS "documentNumber", r.seq AS "reviewSeq",
           r.kind AS "reviewKind", r.period_label AS "periodLabel", r.achieved_or_exceeded AS "achievedOrExceeded",
           r.targets_total AS "targetsTotal", r.headline,
           COALESCE((SELECT json_agg(json_build_object('code', c.code, 'name', pt.name, 'unit', pt.unit, 'value', tv.value,
                       'achievement', tv.achievement) ORDER BY c.ord)
                     FROM unnest(r.low_target_codes) WITH ORDINALITY AS c(code, ord)
                     LEFT JOIN programme_target pt ON pt.programme_id = r.programme_id AND pt.code = c.code
                     LEFT JOIN target_value tv ON tv.programme_id = r.programme_id AND tv.target_code = c.code AND tv.review_seq = r.seq),
                    '[]'::json) AS low
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
