import { TASK_BUCKETS, TaskBucket, TaskBucketCounts, VN_TIME_ZONE, withTotal } from '@app/domain';

/**
 * The SQL form of `taskBucket` (libs/domain/src/task/task-buckets.ts): one CASE over the `task`
 * table, so every supervisor query counts the four buckets the same way. `$now` is the parameter
 * placeholder holding the moment of asking; cancelled tasks fall into NULL and are filtered out.
 */
export function taskBucketSql(alias: string, nowParam: string): string {
  const t = alias ? `${alias}.` : '';
  return `CASE
    WHEN ${t}status = 'CANCELLED' THEN NULL
    WHEN ${t}status = 'DONE' AND ${t}done_at <= ${t}due_at THEN 'DONE_ON_TIME'
    WHEN ${t}status = 'DONE' THEN 'DONE_LATE'
    WHEN ${t}due_at >= ${nowParam} THEN 'OPEN_WITHIN_DEADLINE'
    ELSE 'OPEN_OVERDUE' END`;
}

/**
 * `taskBucketSql(alias, now) = <bucket>` for a bucket known when the statement is written, with the
 * plain conditions it implies added so an index can find the rows: open tasks by `ix_task_open_due`
 * (only open tasks, by due date) instead of computing the CASE for every task in scope.
 */
export function taskInBucketSql(alias: string, nowParam: string, bucket: TaskBucket, bucketParam: string): string {
  const t = alias ? `${alias}.` : '';
  const implied =
    bucket === TaskBucket.OPEN_OVERDUE || bucket === TaskBucket.OPEN_WITHIN_DEADLINE
      ? `${t}status NOT IN ('DONE','CANCELLED') AND ${t}due_at ${bucket === TaskBucket.OPEN_OVERDUE ? '<' : '>='} ${nowParam}`
      : `${t}status = 'DONE'`;
  return `(${implied} AND ${taskBucketSql(alias, nowParam)} = ${bucketParam})`;
}

/** The column each bucket is counted in, in every statement below and in `task_count`. */
const COLUMN = {
  DONE_ON_TIME: 'done_on_time',
  DONE_LATE: 'done_late',
  OPEN_WITHIN_DEADLINE: 'open_within_deadline',
  OPEN_OVERDUE: 'open_overdue',
} as const satisfies Record<TaskBucket, string>;

/** When a `task` row (prefix `t`, e.g. "t.") is in each bucket at the moment `now`. */
export function inBucket(t: string, now: string): Record<TaskBucket, string> {
  const open = `${t}status NOT IN ('DONE','CANCELLED')`;
  return {
    DONE_ON_TIME: `${t}status = 'DONE' AND ${t}done_at <= ${t}due_at`,
    DONE_LATE: `${t}status = 'DONE' AND ${t}done_at > ${t}due_at`,
    OPEN_WITHIN_DEADLINE: `${open} AND ${t}due_at >= ${now}`,
    OPEN_OVERDUE: `${open} AND ${t}due_at < ${now}`,
  };
}

/** Four counting columns (done_on_time, done_late, open_within_deadline, open_overdue) for a GROUP BY. */
export function taskBucketCountsSql(alias: string, nowParam: string): string {
  const when = inBucket(alias ? `${alias}.` : '', nowParam);
  return TASK_BUCKETS.map((b) => `count(*) FILTER (WHERE ${when[b]})::int AS ${COLUMN[b]}`).join(',\n    ');
}

/** A row holding the four counting columns (as numbers, or numeric strings). */
export type BucketCountColumns = Partial<
  Record<'done_on_time' | 'done_late' | 'open_within_deadline' | 'open_overdue', number | string | null>
>;

/** A row's four counting columns as the bucket counts with their total (a missing row counts nothing). */
export function bucketCountsOf(row: BucketCountColumns | undefined): TaskBucketCounts {
  const count = (b: TaskBucket) => Number(row?.[COLUMN[b]] ?? 0);
  return withTotal({
    DONE_ON_TIME: count(TaskBucket.DONE_ON_TIME),
    DONE_LATE: count(TaskBucket.DONE_LATE),
    OPEN_WITHIN_DEADLINE: count(TaskBucket.OPEN_WITHIN_DEADLINE),
    OPEN_OVERDUE: count(TaskBucket.OPEN_OVERDUE),
  });
}

/** Which tasks a bucket count takes in; the caller binds the values behind the placeholders. */
export interface CountedTasks {
  /** Placeholder of the moment of asking (a timestamp). */
  now: string;
  /**
   * The condition on a counted row: alias `c` is a `task_count` row, `t` a `task` row; both carry
   * issuing_unit_id and responsible_unit_id.
   */
  where: (alias: 'c' | 't') => string;
  /** Count straight from `task` rather than `task_count` (a handful of rows: a person's own tasks). */
  fromTasks?: boolean;
}

/** The columns of `counted`: what a bucket view groups by, then the four counts. */
const COUNTED_COLUMNS = `unit_id, member_id, field_group, due_month, ${TASK_BUCKETS.map((b) => COLUMN[b]).join(', ')}`;

/**
 * The one bucket query: the CTE `counted`, rows of (responsible unit, member in charge or '',
 * field group or '', due month in Vietnam, the four counts) to be summed by whatever a view groups
 * by, as exact as a GROUP BY over `task`. From the counts that triggers keep in `task_count`: open
 * tasks of earlier months are overdue, of later months within deadline, and the current month's
 * open tasks already past due (few) are read from `task` and moved to overdue.
 */
export function countedTasksCte({ now, where, fromTasks }: CountedTasks): string {
  const at = `${now}::timestamptz`;
  const key = `t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''),
      date_trunc('month', t.due_at AT TIME ZONE '${VN_TIME_ZONE}')::date`;
  if (fromTasks) {
    const when = inBucket('t.', at);
    return `counted (${COUNTED_COLUMNS}) AS (
      SELECT ${key}, ${TASK_BUCKETS.map((b) => `(${when[b]})::int`).join(', ')}
      FROM task t WHERE ${where('t')} AND t.status <> 'CANCELLED')`;
  }
  const monthStart = `date_trunc('month', ${at} AT TIME ZONE '${VN_TIME_ZONE}')`;
  return `counted (${COUNTED_COLUMNS}) AS (
      SELECT c.responsible_unit_id, c.member_in_charge_id, c.field_group, c.due_month, c.done_on_time, c.done_late,
        CASE WHEN c.due_month >= ${monthStart}::date THEN c.open ELSE 0 END,
        CASE WHEN c.due_month < ${monthStart}::date THEN c.open ELSE 0 END
      FROM task_count c WHERE ${where('c')}
      UNION ALL
      SELECT ${key}, 0, 0, -1, 1
      FROM task t WHERE ${where('t')} AND t.status NOT IN ('DONE','CANCELLED')
        AND t.due_at >= (${monthStart} AT TIME ZONE '${VN_TIME_ZONE}') AND t.due_at < ${at})`;
}

/** `task` columns a bucket view may group by from the counts, by grouping name. */
export const COUNTED_GROUPINGS = {
  unit: 'responsible_unit_id',
  memberInCharge: 'member_in_charge_id',
  fieldGroup: 'field_group',
} as const;

const COUNTED_KEY: Record<keyof typeof COUNTED_GROUPINGS, string> = {
  unit: 'unit_id',
  memberInCharge: 'member_id',
  fieldGroup: 'field_group',
};

/**
 * The four buckets per group of `grouping`, from `countedTasksCte`, one page of groups in key order
 * (groups holding only cancelled tasks are left out). Rows: key, the four counts, `groups`.
 */
export function bucketsFromCountsSql(
  grouping: keyof typeof COUNTED_GROUPINGS,
  q: CountedTasks & { limit: string; offset: string },
): string {
  const key = COUNTED_KEY[grouping];
  const sums = TASK_BUCKETS.map((b) => `sum(${COLUMN[b]})::int AS ${COLUMN[b]}`).join(', ');
  return `WITH ${countedTasksCte(q)}
    SELECT NULLIF(${key}, '') AS key, ${sums}, count(*) OVER ()::int AS groups
    FROM counted GROUP BY ${key} HAVING sum(done_on_time + done_late + open_within_deadline + open_overdue) > 0
    ORDER BY NULLIF(${key}, '') NULLS LAST LIMIT ${q.limit} OFFSET ${q.offset}`;
}
