import { MAX_ID_LENGTH, MAX_STATEMENT_LENGTH } from '../../limits';
import { evaluationFigures } from '../evaluation-figures';
import { text } from '../../common/checks';
import { validateReferences, validateValues } from '../field-checks';
import { isDrafter, isLeadership } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, requirePhase } from '../phase-transitions';
import { leadersOf } from '../programme-effect';
import type { Rating } from '../programme-state';
import { forbidden, invalid, wrongPhase } from '../refusal';
import type { ActionRules } from './action-rule';
import { targetChoices } from './review-reporting';
import { Choice, SUBJECT_KIND_CHOICES } from '../../common/available-action';

export interface FinalReviewPayloads {
  submitFinalReport: { text: string; values: Record<string, string>; references?: Record<string, string> };
  evaluate: {
    subjectKind: 'UNIT' | 'PERSON';
    subjectId: string;
    rating: Rating;
    comment: string;
  };
  commend: { subjectKind: 'UNIT' | 'PERSON'; subjectId: string; text: string };
  recordLessons: { lessons: string[] };
  closeProgramme: Record<string, never>;
}

const RATING_CHOICES: Choice[] = [
  { value: 'EXCELLENT', label: 'Hoàn thành xuất sắc nhiệm vụ' },
  { value: 'GOOD', label: 'Hoàn thành tốt nhiệm vụ' },
  { value: 'COMPLETED', label: 'Hoàn thành nhiệm vụ' },
  { value: 'NOT_COMPLETED', label: 'Không hoàn thành nhiệm vụ' },
];

export const finalReviewActions: ActionRules<FinalReviewPayloads> = {
  submitFinalReport: {
    permits: (s, actor) => {
      const bad = requirePhase(s, 'reporting to the final review', Phase.FINAL_REVIEW);
      if (bad) return bad;
      const review = s.finalReview.review;
      if (!review || review.closedAt) return wrongPhase('the final review is not accepting reports');
      if (!review.expectedUnitIds.includes(actor.unitId))
        return forbidden('your unit is not asked to report to the final review');
      return null;
    },
    validate: (s, _actor, p) =>
      text(p.text, 'text') ?? validateValues(s, p.values) ?? validateReferences(s, p.references),
    form: (s, actor) => {
      const own = s.finalReview.review?.reports[actor.unitId];
      return { prefill: { values: own ? { ...own.values } : {} }, choices: targetChoices(s) };
    },
    apply: ({ s, actor, at, by, audit }, p) => {
      const review = s.finalReview.review!;
      const references = p.references && Object.keys(p.references).length ? { references: p.references } : {};
      review.reports[actor.unitId] = { unitId: actor.unitId, text: p.text, values: p.values, ...references, by, at };
      return [audit({ unitId: actor.unitId, values: p.values, ...references })];
    },
  },

  evaluate: {
    permits: (s, actor) =>
      requirePhase(s, 'evaluating', Phase.FINAL_REVIEW) ??
      (isLeadership(s, actor)
        ? null
        : forbidden('only the Standing Committee, the head or the member in charge evaluates')),
    validate: (_s, _actor, q) => {
      if (q.subjectKind !== 'UNIT' && q.subjectKind !== 'PERSON') return invalid('subjectKind must be UNIT or PERSON');
      if (!['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'].includes(q.rating))
        return invalid('rating must be EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED');
      return text(q.subjectId, 'subjectId', MAX_ID_LENGTH) ?? text(q.comment, 'comment', MAX_STATEMENT_LENGTH);
    },
    form: () => ({ choices: { subjectKind: SUBJECT_KIND_CHOICES, rating: RATING_CHOICES } }),
    apply: ({ s, now, at, by, audit }, p) => {
      const figures = evaluationFigures(s, p.subjectKind, p.subjectId, now);
      const others = s.finalReview.evaluations.filter(
        (e) => !(e.subjectKind === p.subjectKind && e.subjectId === p.subjectId),
      );
      s.finalReview.evaluations = [...others, { by, at, ...p, figures }];
      return [audit({ ...p, figures })];
    },
  },

  commend: {
    permits: (s, actor) =>
      requirePhase(s, 'commending', Phase.FINAL_REVIEW) ??
      (isLeadership(s, actor)
        ? null
        : forbidden('only the Standing Committee, the head or the member in charge commends')),
    form: () => ({ choices: { subjectKind: SUBJECT_KIND_CHOICES } }),
    validate: (_s, _actor, p) =>
      (p.subjectKind === 'UNIT' || p.subjectKind === 'PERSON' ? null : invalid('subjectKind must be UNIT or PERSON')) ??
      text(p.subjectId, 'subjectId', MAX_ID_LENGTH) ??
      text(p.text, 'text', MAX_STATEMENT_LENGTH),
    apply: ({ s, at, by, audit }, p) => {
      s.finalReview.commendations.push({ by, at, ...p });
      return [audit({ ...p })];
    },
  },

  recordLessons: {
    permits: (s, actor) =>
      requirePhase(s, 'recording lessons', Phase.FINAL_REVIEW) ??
      (isLeadership(s, actor) || isDrafter(s, actor)
        ? null
        : forbidden('only the leadership or the drafting team records lessons')),
    validate: (_s, _actor, p) =>
      (Array.isArray(p.lessons) && p.lessons.length > 0 ? null : invalid('lessons must be a non-empty list')) ??
      p.lessons.map((l, i) => text(l, `lessons[${i}]`, MAX_STATEMENT_LENGTH)).find((r) => r) ??
      null,
    apply: ({ s, audit }, p) => {
      s.finalReview.lessons.push(...p.lessons);
      return [audit({ lessons: p.lessons.length })];
    },
  },

  closeProgramme: {
    validate: () => null,
    permits: (s, actor) => {
      const bad =
        requirePhase(s, 'closing the programme', Phase.FINAL_REVIEW) ??
        (isLeadership(s, actor)
          ? null
          : forbidden('only the Standing Committee, the head or the member in charge closes the programme'));
      if (bad) return bad;
      const review = s.finalReview.review;
      if (!review?.closedAt) return wrongPhase('the final review has not closed yet');
      if (s.finalReview.evaluations.length === 0) return wrongPhase('no unit or person has been evaluated yet');
      return null;
    },
    apply: ({ s, t, now, by, audit }) => [
      audit({ headline: s.finalReview.review?.summary?.headline ?? null }),
      ...enterPhase(s, t, Phase.CLOSED, now, by, 'final review completed'),
      {
        type: 'notify',
        kind: 'PROGRAMME_CLOSED',
        recipientIds: leadersOf(s),
        params: { title: s.setup.title, headline: s.finalReview.review?.summary?.headline ?? null },
      },
    ],
  },
};
