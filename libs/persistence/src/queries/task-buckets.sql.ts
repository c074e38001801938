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

/** Four counting columns (done_on_time, done_late, open_within_deadline, open_overdue) for a GROUP BY. */
export function taskBucketCountsSql(alias: string, nowParam: string): string {
  const t = alias ? `${alias}.` : '';
  const open = `${t}status NOT IN ('DONE','CANCELLED')`;
  return [
    `count(*) FILTER (WHERE ${t}status = 'DONE' AND ${t}done_at <= ${t}due_at)::int AS done_on_time`,
    `count(*) FILTER (WHERE ${t}status = 'DONE' AND ${t}done_at > ${t}due_at)::int AS done_late`,
    `count(*) FILTER (WHERE ${open} AND ${t}due_at >= ${nowParam})::int AS open_within_deadline`,
    `count(*) FILTER (WHERE ${open} AND ${t}due_at < ${nowParam})::int AS open_overdue`,
  ].join(',\n    ');
}

/** The zone whose calendar months `task_count` counts tasks by (its triggers use the same). */
export const TASK_COUNT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** `task_count` columns that a bucket view may group by, and the matching `task` columns. */
export const COUNTED_GROUPINGS = {
  unit: 'responsible_unit_id',
  memberInCharge: 'member_in_charge_id',
  fieldGroup: 'field_group',
} as const;

/**
 * The four buckets per group from the counts that triggers keep in `task_count`, as exact as a GROUP BY
 * over `task`: open tasks of earlier months are overdue, of later months within deadline, and the
 * current month's open tasks already past due (few) are read from `task` and moved to overdue.
 * Placeholders: `$1` the units in scope (text[], or NULL for everything), `$2` an issuing unit (or
 * NULL), `$3` the moment of asking, `$4` limit, `$5` offset. Rows: key, the four counts, `groups`.
 */
export function bucketsFromCountsSql(grouping: keyof typeof COUNTED_GROUPINGS): string {
  const col = COUNTED_GROUPINGS[grouping];
  const tz = TASK_COUNT_TIME_ZONE;
  const monthStart = `date_trunc('month', $3::timestamptz AT TIME ZONE '${tz}')`;
  const inScope = (a: string) =>
    `($1::text[] IS NULL OR ${a}.issuing_unit_id = ANY($1) OR ${a}.responsible_unit_id = ANY($1)) AND ($2::text IS NULL OR ${a}.issuing_unit_id = $2)`;
  return `WITH counted (key, done_on_time, done_late, open_within_deadline, open_overdue) AS (
      SELECT c.${col}, c.done_on_time, c.done_late,
        CASE WHEN c.due_month >= ${monthStart}::date THEN c.open ELSE 0 END,
        CASE WHEN c.due_month < ${monthStart}::date THEN c.open ELSE 0 END
      FROM task_count c WHERE ${inScope('c')}
      UNION ALL
      SELECT COALESCE(t.${col}, ''), 0, 0, -1, 1
      FROM task t WHERE ${inScope('t')} AND t.status NOT IN ('DONE','CANCELLED')
        AND t.due_at >= (${monthStart} AT TIME ZONE '${tz}') AND t.due_at < $3::timestamptz)
    SELECT NULLIF(key, '') AS key, sum(done_on_time)::int AS done_on_time, sum(done_late)::int AS done_late,
      sum(open_within_deadline)::int AS open_within_deadline, sum(open_overdue)::int AS open_overdue, count(*) OVER ()::int AS groups
    FROM counted GROUP BY key HAVING sum(done_on_time + done_late + open_within_deadline + open_overdue) > 0
    ORDER BY NULLIF(key, '') NULLS LAST LIMIT $4 OFFSET $5`;
}
