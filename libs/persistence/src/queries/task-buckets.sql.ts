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

/**
 * A task list's condition for one bucket. An open bucket is exactly its plain conditions (an open task
 * is within deadline or overdue by its due date alone), which `ix_task_open_due` answers without the
 * table, so a count over a whole country reads the index only; a done bucket is `taskInBucketSql`.
 * `param` keeps a value and returns its placeholder.
 */
export function taskBucketFilterSql(
  alias: string,
  now: Date,
  bucket: TaskBucket,
  param: (value: unknown) => string,
): string {
  const t = alias ? `${alias}.` : '';
  if (bucket === TaskBucket.OPEN_OVERDUE || bucket === TaskBucket.OPEN_WITHIN_DEADLINE)
    return `(${inBucket(t, param(now))[bucket]})`;
  return taskInBucketSql(alias, param(now), bucket, param(bucket));
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
   * The condition on a counted row: alias `c` is a counts row (`task_count`, or `task_total` in
   * `taskTotalsSelect`), `t` a `task` row; all carry issuing_unit_id and responsible_unit_id.
   */
  where: (alias: 'c' | 't') => string;
  /** Count straight from `task` rather than the counts (a handful of rows: a person's own tasks). */
  fromTasks?: boolean;
  /** From the counts, only the months up to the current one (Vietnam time): what an overdue trend shows. */
  untilCurrentMonth?: boolean;
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
export function countedTasksCte({ now, where, fromTasks, untilCurrentMonth }: CountedTasks): string {
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
      FROM task_count c WHERE ${where('c')}${untilCurrentMonth ? ` AND c.due_month <= ${monthStart}::date` : ''}
      UNION ALL
      SELECT ${key}, 0, 0, -1, 1
      FROM task t WHERE ${where('t')} AND t.status NOT IN ('DONE','CANCELLED')
        AND t.due_at >= (${monthStart} AT TIME ZONE '${VN_TIME_ZONE}') AND t.due_at < ${at})`;
}

/** The columns of `taskTotalsSelect`: what a bucket view groups by, then the four counts. */
export const TOTAL_COLUMNS = `unit_id, member_id, field_group, ${TASK_BUCKETS.map((b) => COLUMN[b]).join(', ')}`;

/** `task_total` rows (alias `c`) as `TOTAL_COLUMNS`, every open task still counted within deadline. */
function taskTotalRows(where: CountedTasks['where']): string {
  return `SELECT c.responsible_unit_id, c.member_in_charge_id, c.field_group, c.done_on_time, c.done_late, c.open, 0
      FROM task_total c WHERE ${where('c')}`;
}

/**
 * Rows of (responsible unit, member in charge or '', field group or '', the four counts) to be summed
 * by whatever a view groups by (no month), as exact as a GROUP BY over `task`: from `task_total`, which
 * triggers keep with `task_count` but without the due month (a few rows a unit and programme), with
 * every open task within deadline; then each open task already past due, read from `task` by
 * `ix_task_open_due` alone, moves one from within deadline to overdue. The SELECT of a CTE with
 * `TOTAL_COLUMNS`.
 */
export function taskTotalsSelect({ now, where, fromTasks }: CountedTasks): string {
  const at = `${now}::timestamptz`;
  const key = `t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, '')`;
  if (fromTasks) {
    const when = inBucket('t.', at);
    return `SELECT ${key}, ${TASK_BUCKETS.map((b) => `(${when[b]})::int`).join(', ')}
      FROM task t WHERE ${where('t')} AND t.status <> 'CANCELLED'`;
  }
  return `${taskTotalRows(where)}
      UNION ALL
      SELECT ${key}, 0, 0, -1, 1
      FROM task t WHERE ${where('t')} AND t.status NOT IN ('DONE','CANCELLED') AND t.due_at < ${at}`;
}

/**
 * The same rows for a statement that also holds `countedTasksCte` (with `untilCurrentMonth`, as an
 * overdue trend reads it): the overdue tasks it counts, those of earlier months and this month's
 * already past due, move from within deadline to overdue, so the months up to now are read once for
 * both. `where` is that of `task_total` (`c`); from `task`, `counted` holds every row already.
 */
export function taskTotalsWithCountedSelect({ where, fromTasks }: Pick<CountedTasks, 'where' | 'fromTasks'>): string {
  const moved = `SELECT unit_id, member_id, field_group, 0, 0, -open_overdue, open_overdue FROM counted`;
  if (fromTasks) return `SELECT ${TOTAL_COLUMNS} FROM counted`;
  return `${taskTotalRows(where)}
      UNION ALL
      ${moved} WHERE open_overdue <> 0`;
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
 * The four buckets per group of `grouping`, from `taskTotalsSelect`, one page of groups in key order
 * (groups holding only cancelled tasks are left out). Rows: key, the four counts, `groups`.
 */
export function bucketsFromCountsSql(
  grouping: keyof typeof COUNTED_GROUPINGS,
  q: CountedTasks & { limit: string; offset: string },
): string {
  const key = COUNTED_KEY[grouping];
  const sums = TASK_BUCKETS.map((b) => `sum(${COLUMN[b]})::int AS ${COLUMN[b]}`).join(', ');
  return `WITH counted (${TOTAL_COLUMNS}) AS (${taskTotalsSelect(q)})
    SELECT NULLIF(${key}, '') AS key, ${sums}, count(*) OVER ()::int AS groups
    FROM counted GROUP BY ${key} HAVING sum(done_on_time + done_late + open_within_deadline + open_overdue) > 0
    ORDER BY NULLIF(${key}, '') NULLS LAST LIMIT ${q.limit} OFFSET ${q.offset}`;
}
