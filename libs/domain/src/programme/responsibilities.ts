import type { ProgrammeState, ProgrammeTask } from './programme-state';

/** Tasks issued with the programme, those added by annual plans since and corrective tasks of inspections. */
export function allTasks(s: ProgrammeState): ProgrammeTask[] {
  return [
    ...(s.issuance?.tasks ?? []),
    ...s.implementation.annualPlans.flatMap((pl) => pl.tasks ?? []),
    ...(s.implementation.correctiveTasks ?? []),
  ];
}

/** Units answering for a target or a task: those asked to report to reviews. */
export function responsibleUnits(s: ProgrammeState): string[] {
  const units = new Set<string>();
  for (const t of s.issuance?.targets ?? []) units.add(t.responsibleUnitId);
  for (const t of allTasks(s)) units.add(t.responsibleUnitId);
  return [...units].sort();
}
