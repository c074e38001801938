import { evidence, requireStatus, WORKING } from '../task-checks';
import { text } from '../../common/checks';
import { invalid } from '../../programme/refusal';
import { onlyResponsible } from '../task-permissions';
import { TaskStatus } from '../task-state';
import type { TaskActionRules } from './task-action-rule';

/** The responsible person's own work on the task. */
export interface WorkPayloads {
  accept: Record<string, never>;
  reportProgress: { percent: number; text: string; evidenceRefs?: string[] };
  submitResult: { text: string; evidenceRefs?: string[] };
}

export const workActions: TaskActionRules<WorkPayloads> = {
  accept: {
    permits: (s, actor) => onlyResponsible(s, actor) ?? requireStatus(s, 'accepting', [TaskStatus.ASSIGNED]),
    validate: () => null,
    apply: ({ s, at, audit }) => {
      s.status = TaskStatus.ACCEPTED;
      s.acceptedAt = at;
      return [audit({})];
    },
  },

  reportProgress: {
    permits: (s, actor) => onlyResponsible(s, actor) ?? requireStatus(s, 'reporting progress', WORKING),
    form: (s) => ({ prefill: { percent: s.progressPercent } }),
    validate: (_s, _actor, p) => {
      const { percent } = p;
      if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 0 || percent > 100)
        return invalid('percent must be a whole number from 0 to 100');
      return text(p.text, 'text') ?? evidence(p.evidenceRefs);
    },
    apply: ({ s, at, by, before, audit }, q) => {
      s.progress.push({ by, at, percent: q.percent, text: q.text, evidenceRefs: q.evidenceRefs ?? [] });
      const was = s.progressPercent;
      s.progressPercent = q.percent;
      s.status = TaskStatus.IN_PROGRESS;
      return [
        audit({ percent: q.percent, evidenceRefs: q.evidenceRefs ?? [] }, { status: before.status, percent: was }),
      ];
    },
  },

  submitResult: {
    permits: (s, actor) => onlyResponsible(s, actor) ?? requireStatus(s, 'submitting the result', WORKING),
    validate: (_s, _actor, p) => text(p.text, 'text') ?? evidence(p.evidenceRefs),
    apply: ({ s, at, by, audit }, p) => {
      s.submissions.push({ by, at, text: p.text, evidenceRefs: p.evidenceRefs ?? [] });
      s.status = TaskStatus.SUBMITTED;
      s.submittedAt = at;
      s.progressPercent = 100;
      return [audit({ evidenceRefs: p.evidenceRefs ?? [] })];
    },
  },
};
