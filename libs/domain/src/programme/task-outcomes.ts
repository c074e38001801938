import type { TaskOutcome } from '../task/task-state';
import type { ProgrammeState } from './programme-state';

/** The id of a programme's task: "<programmeId>/<code>", or "<programmeId>/<year>/<code>" for an annual plan's. */
export function programmeTaskId(programmeId: string, code: string, year?: number): string {
  return year === undefined ? `${programmeId}/${code}` : `${programmeId}/${year}/${code}`;
}

/** Keeps the latest outcome a task workflow reported (they arrive by signal, possibly after a continue-as-new). */
export function recordTaskOutcome(s: ProgrammeState, outcome: TaskOutcome): void {
  s.taskOutcomes = { ...(s.taskOutcomes ?? {}), [outcome.taskId]: outcome };
}

/**
 * Tasks on time, late and overdue for a unit or person: from the outcomes the task workflows
 * reported (done on or before the due date, done after it, still open past it); a task that never
 * reported counts by its original due date. Cancelled tasks count nowhere.
 */
export function taskFigures(s: ProgrammeState, kind: 'UNIT' | 'PERSON', subjectId: string, now: Date) {
  const pid = s.setup.programmeId;
  const issued = (s.issuance?.tasks ?? []).map((t) => ({ id: programmeTaskId(pid, t.code), t }));
  const planned = s.implementation.annualPlans.flatMap((pl) =>
    (pl.tasks ?? []).map((t) => ({ id: programmeTaskId(pid, t.code, pl.year), t })),
  );
  const corrective = (s.implementation.correctiveTasks ?? []).map((t) => ({ id: programmeTaskId(pid, t.code), t }));
  const known = new Set([...issued, ...planned, ...corrective].map((x) => x.id));
  // Tasks carried here from a superseded programme are known only by the outcomes they report.
  const carried = Object.values(s.taskOutcomes ?? {})
    .filter((o) => !known.has(o.taskId))
    .map((o) => ({ id: o.taskId, t: { ...o, code: o.code } }));
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const { id, t } of [...issued, ...planned, ...corrective, ...carried]) {
    const o = s.taskOutcomes?.[id];
    const unit = o?.responsibleUnitId ?? t.responsibleUnitId;
    const person = o?.responsiblePersonId ?? t.responsiblePersonId;
    if ((kind === 'UNIT' ? unit : person) !== subjectId) continue;
    const due = Date.parse(o?.dueAt ?? t.dueAt);
    if (o?.status === 'CANCELLED') continue;
    if (o?.status === 'DONE') {
      if (Date.parse(o.doneAt as string) <= due) onTime++;
      else late++;
    } else if (due < now.getTime()) overdue++;
  }
  return { tasksOnTime: onTime, tasksLate: late, tasksOverdue: overdue };
}
