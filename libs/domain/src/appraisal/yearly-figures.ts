/**
 * The yearly appraisal's figures (đánh giá, xếp loại hằng năm) of a unit or a person, computed from
 * their tasks and targets of the year: tasks due that year (Vietnam time) done on time, done late,
 * open past due, open within deadline, reopened by an inspection; targets of the unit judged in
 * reviews that year, achieved or exceeded. Persons answer for no target: their target figures are null.
 */
import { TaskBucket, taskBucket } from '../task/task-buckets';

export type AppraisalSubjectKind = 'UNIT' | 'PERSON';
export const APPRAISAL_SUBJECT_KINDS: readonly AppraisalSubjectKind[] = ['UNIT', 'PERSON'];
export const APPRAISAL_RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export type AppraisalRating = (typeof APPRAISAL_RATINGS)[number];

export interface AppraisalTaskFacts {
  responsibleUnitId: string;
  responsiblePersonId: string;
  status: string;
  dueAt: Date | string;
  doneAt: Date | string | null;
  reopenCount: number;
}

export interface AppraisalTargetFacts {
  responsibleUnitId: string;
  /** The achievement of its latest value judged in the year, or null when none was. */
  achievement: string | null;
}

export interface YearlyFigures {
  tasksTotal: number;
  tasksOnTime: number;
  tasksLate: number;
  tasksOverdue: number;
  tasksOpen: number;
  tasksReopened: number;
  targetsAchieved: number | null;
  targetsTotal: number | null;
}

const VN_OFFSET_MS = 7 * 3600_000;
const time = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** The year (Vietnam time) an instant falls in. */
export function vnYear(at: Date | string): number {
  return new Date(time(at) + VN_OFFSET_MS).getUTCFullYear();
}

/** The instants a year spans in Vietnam time: [from, to). */
export function vnYearSpan(year: number): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(year, 0, 1) - VN_OFFSET_MS),
    to: new Date(Date.UTC(year + 1, 0, 1) - VN_OFFSET_MS),
  };
}

/** The figures of one subject for the year; tasks and targets not of that year or subject are ignored. */
export function yearlyFigures(
  kind: AppraisalSubjectKind,
  subjectId: string,
  year: number,
  tasks: readonly AppraisalTaskFacts[],
  targets: readonly AppraisalTargetFacts[],
  now: Date,
): YearlyFigures {
  const f: YearlyFigures = {
    tasksTotal: 0,
    tasksOnTime: 0,
    tasksLate: 0,
    tasksOverdue: 0,
    tasksOpen: 0,
    tasksReopened: 0,
    targetsAchieved: null,
    targetsTotal: null,
  };
  for (const t of tasks) {
    if ((kind === 'UNIT' ? t.responsibleUnitId : t.responsiblePersonId) !== subjectId) continue;
    if (vnYear(t.dueAt) !== year) continue;
    const bucket = taskBucket(t, now);
    if (bucket === null) continue;
    f.tasksTotal++;
    if (t.reopenCount > 0) f.tasksReopened++;
    if (bucket === TaskBucket.DONE_ON_TIME) f.tasksOnTime++;
    else if (bucket === TaskBucket.DONE_LATE) f.tasksLate++;
    else if (bucket === TaskBucket.OPEN_OVERDUE) f.tasksOverdue++;
    else f.tasksOpen++;
  }
  if (kind === 'UNIT') {
    const own = targets.filter((t) => t.responsibleUnitId === subjectId && t.achievement !== null);
    f.targetsTotal = own.length;
    f.targetsAchieved = own.filter((t) => t.achievement === 'ACHIEVED' || t.achievement === 'EXCEEDED').length;
  }
  return f;
}
