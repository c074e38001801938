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
