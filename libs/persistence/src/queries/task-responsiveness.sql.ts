import { TaskBucket } from '@app/domain';
import { inBucket } from './task-buckets.sql';

/**
 * How promptly a unit or person carries out the tasks of the programmes in view, reopenings included:
 * a task reopened by an inspection finding counts as open (within deadline or overdue against its new
 * deadline) until it is done again, and `reopened` counts the tasks a finding sent back, whatever they
 * stand at now. Cancelled tasks count nothing.
 */
export interface TaskResponsiveness {
  /** Tasks that could be judged: done (on time or late) or open past their due date. */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  /** Open within deadline: not judged yet. */
  open: number;
  /** Tasks reopened at least once by an inspection finding. */
  reopened: number;
  /** Of those, the ones not done again yet. */
  reopenedOpen: number;
  /** Reopenings in all (a task reopened twice counts two). */
  reopenings: number;
  /** onTime / due; null when nothing is due yet. */
  onTimeRate: number | null;
}

/** A row of `taskResponsivenessSql`, as the driver answers it (numbers, or numeric strings). */
export type TaskResponsivenessColumns = { key: string } & Record<
  'on_time' | 'late' | 'overdue' | 'open' | 'reopened' | 'reopened_open' | 'reopenings',
  number | string | null
>;

/**
 * One row per responsible unit (or person) of the tasks of the programmes `p` matching `programmes`
 * (a condition on alias `p`, e.g. the caller's scope and term), with `ownOnly` narrowing it further
 * (a condition on `t`). `nowParam` is the placeholder of the moment of asking.
 */
export function taskResponsivenessSql(
  by: 'unit' | 'person',
  q: { now: string; programmes: string; ownOnly?: string },
): string {
  const key = by === 'person' ? 't.responsible_person_id' : 't.responsible_unit_id';
  const when = inBucket('t.', `${q.now}::timestamptz`);
  const open = `t.status NOT IN ('DONE','CANCELLED')`;
  return `SELECT ${key} AS key,
    count(*) FILTER (WHERE ${when[TaskBucket.DONE_ON_TIME]})::int AS on_time,
    count(*) FILTER (WHERE ${when[TaskBucket.DONE_LATE]})::int AS late,
    count(*) FILTER (WHERE ${when[TaskBucket.OPEN_OVERDUE]})::int AS overdue,
    count(*) FILTER (WHERE ${when[TaskBucket.OPEN_WITHIN_DEADLINE]})::int AS open,
    count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened,
    count(*) FILTER (WHERE t.reopen_count > 0 AND ${open})::int AS reopened_open,
    COALESCE(sum(t.reopen_count), 0)::int AS reopenings
  FROM task t JOIN programme p ON p.id = t.programme_id
  WHERE t.status <> 'CANCELLED' AND ${q.programmes}${q.ownOnly ? ` AND ${q.ownOnly}` : ''}
  GROUP BY ${key}`;
}

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** The figures of one row (a missing row counts nothing). */
export function taskResponsivenessOf(row: TaskResponsivenessColumns | undefined): TaskResponsiveness {
  const n = (c: Exclude<keyof TaskResponsivenessColumns, 'key'>) => Number(row?.[c] ?? 0);
  const [onTime, late, overdue] = [n('on_time'), n('late'), n('overdue')];
  const due = onTime + late + overdue;
  return {
    due,
    onTime,
    late,
    overdue,
    open: n('open'),
    reopened: n('reopened'),
    reopenedOpen: n('reopened_open'),
    reopenings: n('reopenings'),
    onTimeRate: rate(onTime, due),
  };
}
