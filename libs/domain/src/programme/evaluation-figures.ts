import type { ProgrammeState } from './programme-state';
import { taskFigures } from './task-outcomes';

/** The figures behind a rating: tasks on time, late, overdue; targets achieved in the final review. */
export function evaluationFigures(s: ProgrammeState, kind: 'UNIT' | 'PERSON', subjectId: string, now: Date) {
  const targets = (s.issuance?.targets ?? []).filter((t) => kind === 'UNIT' && t.responsibleUnitId === subjectId);
  const results = s.finalReview.review?.results ?? {};
  const achieved = targets.filter((t) => results[t.code] === 'ACHIEVED' || results[t.code] === 'EXCEEDED').length;
  return { ...taskFigures(s, kind, subjectId, now), targetsAchieved: achieved, targetsTotal: targets.length };
}
