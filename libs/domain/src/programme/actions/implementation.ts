import { MAX_ANNUAL_PLAN_YEAR, MAX_TITLE_LENGTH, MIN_ANNUAL_PLAN_YEAR } from '../../limits';
import { text } from '../../common/checks';
import { documentIdProblem, withDocumentId } from '../documents';
import { validateReferences, validateTasks, validateValues } from '../field-checks';
import { isDrafter, mayInspect } from '../permissions';
import { Phase } from '../phase';
import { requirePhase } from '../phase-transitions';
import type { ProgrammeTask } from '../programme-state';
import { forbidden, invalid, wrongPhase } from '../refusal';
import { applyFollowUp, InspectionFollowUp, validateFollowUp } from '../inspection-follow-up';
import { allTasks } from '../responsibilities';
import { reviewBySeq } from '../reviews';
import { vnDateOf } from '../../time/iso-duration';
import { reviewOpenTo, reviewReporting, targetChoices } from './review-reporting';
import type { ActionRules } from './action-rule';

export interface ImplementationPayloads {
  /** Tasks added by the plan start task workflows like those issued with the programme. */
  addAnnualPlan: { year: number; title: string; items: string[]; tasks?: ProgrammeTask[] };
  submitReviewReport: {
    reviewSeq: number;
    text: string;
    values: Record<string, string>;
    /** Reference values of relative targets, e.g. {"GRDP": "6.2"} for "0.5 above the national average". */
    references?: Record<string, string>;
    /** The report as a file (a UNIT_REPORT document of the programme). */
    documentId?: string;
  };
  /** A finding may reopen done tasks and open corrective ones (see inspection-follow-up.ts). */
  recordInspection: { findings: string; unitId?: string | null; documentId?: string } & InspectionFollowUp;
}

export const implementationActions: ActionRules<ImplementationPayloads> = {
  addAnnualPlan: {
    permits: (s, actor) =>
      requirePhase(s, 'adding an annual plan', Phase.IMPLEMENTATION) ??
      (isDrafter(s, actor) ? null : forbidden('only the issuing committee office adds annual plans')),
    validate: (s, _actor, p) => {
      const { year, title, items } = p;
      if (!Number.isInteger(year) || year < MIN_ANNUAL_PLAN_YEAR || year > MAX_ANNUAL_PLAN_YEAR)
        return invalid('year must be a year such as 2024');
      if (s.implementation.annualPlans.some((pl) => pl.year === year))
        return wrongPhase(`an annual plan for ${year} exists already`);
      const tasks = p.tasks ?? [];
      const taken = new Set(allTasks(s).map((t) => t.code));
      const clash = Array.isArray(tasks) ? tasks.find((t) => taken.has(t?.code)) : undefined;
      return (
        text(title, 'title', MAX_TITLE_LENGTH) ??
        (Array.isArray(items) && items.length > 0 && items.every((i) => typeof i === 'string' && i.trim())
          ? null
          : invalid('items must be a non-empty list of texts')) ??
        validateTasks(tasks) ??
        (clash ? invalid(`task code ${clash.code} is used already in this programme`) : null)
      );
    },
    // The first year from this one without a plan.
    form: (s, _actor, now) => {
      const taken = new Set(s.implementation.annualPlans.map((pl) => pl.year));
      let year = Number(vnDateOf(now).slice(0, 4));
      while (taken.has(year)) year += 1;
      return { prefill: { year, items: [], tasks: [] } };
    },
    apply: ({ s, at, by, audit }, p) => {
      s.implementation.annualPlans.push({
        by,
        at,
        year: p.year,
        title: p.title,
        items: p.items,
        tasks: (p.tasks ?? []).map((x) => ({ ...x, coordinatingUnitIds: x.coordinatingUnitIds ?? [] })),
      });
      return [audit({ year: p.year, items: p.items.length })];
    },
  },

  submitReviewReport: {
    permits: (s) => requirePhase(s, 'reporting to a review', Phase.IMPLEMENTATION),
    subjects: (s, actor, now) => reviewOpenTo(s.implementation.reviews, actor, now),
    validate: (s, actor, p, now) => {
      const review = reviewBySeq(s, p.reviewSeq);
      if (!review) return invalid(`there is no review number ${p.reviewSeq}`);
      return (
        reviewReporting(review, actor, now) ??
        text(p.text, 'text') ??
        documentIdProblem(p.documentId) ??
        validateValues(s, p.values) ??
        validateReferences(s, p.references)
      );
    },
    // The review the unit reports to (the earliest open one), its last report, and the targets to give values for.
    form: (s, actor, now) => {
      const open = s.implementation.reviews.filter((r) => reviewReporting(r, actor, now) === null);
      const own = open[0].reports[actor.unitId];
      return {
        prefill: { reviewSeq: open[0].seq, values: own ? { ...own.values } : {} },
        choices: {
          reviewSeq: open.map((r) => ({ value: r.seq, label: r.periodLabel })),
          ...targetChoices(s),
        },
      };
    },
    apply: ({ s, actor, at, by, audit }, p) => {
      const review = reviewBySeq(s, p.reviewSeq)!;
      const before = review.reports[actor.unitId] ? { values: review.reports[actor.unitId].values } : null;
      const references = p.references && Object.keys(p.references).length ? { references: p.references } : {};
      const document = withDocumentId(p);
      review.reports[actor.unitId] = {
        unitId: actor.unitId,
        text: p.text,
        values: p.values,
        ...references,
        ...document,
        by,
        at,
      };
      return [
        audit({ review: review.seq, unitId: actor.unitId, values: p.values, ...references, ...document }, before),
      ];
    },
  },

  recordInspection: {
    permits: (s, actor) =>
      requirePhase(s, 'recording an inspection', Phase.IMPLEMENTATION, Phase.FINAL_REVIEW) ??
      (mayInspect(s, actor)
        ? null
        : forbidden('only the inspection commission or the member in charge records inspections')),
    validate: (s, _actor, p, now) =>
      text(p.findings, 'findings') ?? documentIdProblem(p.documentId) ?? validateFollowUp(s, p, now),
    apply: ({ s, at, by, audit }, p) => {
      if (!p.reopenTasks?.length && !p.correctiveTasks?.length) {
        s.implementation.inspections.push({
          by,
          at,
          findings: p.findings,
          unitId: p.unitId ?? null,
          ...withDocumentId(p),
        });
        return [audit({ unitId: p.unitId ?? null, ...withDocumentId(p) })];
      }
      const no = s.implementation.inspections.length + 1;
      const { reopened, corrective } = applyFollowUp(s, p, no, by, at);
      const correctiveTaskCodes = corrective.map((t) => t.code);
      const reopenedTasks = reopened.map(({ taskId, dueAt, reason }) => ({ taskId, dueAt, reason }));
      s.implementation.inspections.push({
        by,
        at,
        findings: p.findings,
        unitId: p.unitId ?? null,
        reopenedTasks,
        correctiveTaskCodes,
        ...withDocumentId(p),
      });
      return [audit({ unitId: p.unitId ?? null, reopenedTasks, correctiveTaskCodes, ...withDocumentId(p) })];
    },
  },
};
