/**
 * The four tracking buckets supervisors count tasks in (Hoàn thành đúng hạn / quá hạn;
 * chưa hoàn thành trong hạn / quá hạn). Overdue is derived from the due date at the moment of
 * asking, never stored. Cancelled tasks belong to no bucket.
 */
export enum TaskBucket {
  DONE_ON_TIME = 'DONE_ON_TIME',
  DONE_LATE = 'DONE_LATE',
  OPEN_WITHIN_DEADLINE = 'OPEN_WITHIN_DEADLINE',
  OPEN_OVERDUE = 'OPEN_OVERDUE',
}

export const TASK_BUCKETS: readonly TaskBucket[] = [
  TaskBucket.DONE_ON_TIME,
  TaskBucket.DONE_LATE,
  TaskBucket.OPEN_WITHIN_DEADLINE,
  TaskBucket.OPEN_OVERDUE,
];

export interface BucketFacts {
  status: string;
  dueAt: Date | string;
  doneAt: Date | string | null;
}

const time = (d: Date | string): number => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** The bucket of one task at `now`, or null for a cancelled task. A task due at `now` is still within its deadline. */
export function taskBucket(task: BucketFacts, now: Date): TaskBucket | null {
  if (task.status === 'CANCELLED') return null;
  if (task.status === 'DONE') {
    if (!task.doneAt) throw new Error('a DONE task must have a done time');
    return time(task.doneAt) <= time(task.dueAt) ? TaskBucket.DONE_ON_TIME : TaskBucket.DONE_LATE;
  }
  return now.getTime() <= time(task.dueAt) ? TaskBucket.OPEN_WITHIN_DEADLINE : TaskBucket.OPEN_OVERDUE;
}

/** How many tasks are in each bucket, and in all four together. */
export type TaskBucketCounts = Record<TaskBucket, number> & { total: number };

/** The counts of the four buckets with their total. */
export function withTotal(counts: Record<TaskBucket, number>): TaskBucketCounts {
  return { ...counts, total: TASK_BUCKETS.reduce((sum, b) => sum + counts[b], 0) };
}

/**
 * Vietnam's time zone (UTC+7 all year): tasks are counted by the month they are due in there, and
 * their due dates are shown as its calendar days.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
