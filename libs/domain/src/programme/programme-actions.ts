import { Actor, hasRole } from '../org/actor';
import { Role } from '../org/roles';
import { addIsoDuration } from '../time/iso-duration';
import { isDecimal } from '../targets/decimal.util';
import { evaluateTarget, summariseAchievement, TargetGoal, validateGoal } from '../targets/target-achievement';
import { isTerminal, Phase } from './phase';
import type { ProgrammeTemplate } from './programme-template';
import {
  MAX_REMEMBERED_REQUEST_IDS,
  ProgrammeSetup,
  ProgrammeState,
  ProgrammeTarget,
  ProgrammeTask,
  Rating,
  Review,
  ReviewKind,
} from './programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from './refusal';
import { taskFigures } from './task-outcomes';

/** Every staff action on a programme, by name. Each is one Temporal update. */
export const PROGRAMME_ACTIONS = [
  'assignSurveyors',
  'submitSurveyFindings',
  'closeSurvey',
  'submitDraft',
  'openConsultation',
  'submitOpinion',
  'closeConsultation',
  'submitForApproval',
  'approve',
  'sendBack',
  'issue',
  'recordDissemination',
  'acknowledgeDissemination',
  'addAnnualPlan',
  'submitReviewReport',
  'recordInspection',
  'submitFinalReport',
  'evaluate',
  'commend',
  'recordLessons',
  'closeProgramme',
  'cancel',
  'supersede',
] as const;
export type ProgrammeActionName = (typeof PROGRAMME_ACTIONS)[number];

export interface TargetInput {
  code: string;
  name: string;
  unit: string;
  baseline?: string | null;
  goal: TargetGoal;
  responsibleUnitId: string;
  periodGoals?: Record<string, TargetGoal>;
}

export interface ActionPayloads {
  assignSurveyors: { surveyorIds: string[] };
  submitSurveyFindings: { text: string };
  closeSurvey: Record<string, never>;
  submitDraft: { text?: string; documentRef?: string; changeNote: string };
  openConsultation: { inviteeIds: string[]; deadline?: string };
  /** onBehalfOf is how a delegated filing is attempted; it is always refused unless it is the actor. */
  submitOpinion: { text: string; onBehalfOf?: string };
  closeConsultation: Record<string, never>;
  submitForApproval: Record<string, never>;
  approve: { note?: string };
  sendBack: { reasons: string };
  issue: {
    documentNumber: string;
    issuedOn: string;
    targets: TargetInput[];
    tasks: ProgrammeTask[];
    solutions: string[];
    resources: string[];
    steeringCommittee?: { headId: string; memberIds: string[] } | null;
  };
  recordDissemination: { heldOn: string; audienceIds: string[] };
  acknowledgeDissemination: Record<string, never>;
  /** Tasks added by the plan start task workflows like those issued with the programme. */
  addAnnualPlan: { year: number; title: string; items: string[]; tasks?: ProgrammeTask[] };
  submitReviewReport: { reviewSeq: number; text: string; values: Record<string, string> };
  recordInspection: { findings: string; unitId?: string | null };
  submitFinalReport: { text: string; values: Record<string, string> };
  evaluate: {
    subjectKind: 'UNIT' | 'PERSON';
    subjectId: string;
    rating: Rating;
    comment: string;
  };
  commend: { subjectKind: 'UNIT' | 'PERSON'; subjectId: string; text: string };
  recordLessons: { lessons: string[] };
  closeProgramme: Record<string, never>;
  cancel: { reason: string };
  supersede: { reason: string; byProgrammeId: string };
}

export type ProgrammeAction = {
  [K in ProgrammeActionName]: { name: K; payload: ActionPayloads[K] };
}[ProgrammeActionName];

/** What the workflow must do after a change: write the audit trail, notify people. */
export type ProgrammeEffect =
  | {
      type: 'audit';
      action: string;
      actorId: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }
  | { type: 'notify'; kind: string; recipientIds: string[]; params: Record<string, string | number | null> };

export function initialState(setup: ProgrammeSetup, template: ProgrammeTemplate, now: Date): ProgrammeState {
  const state: ProgrammeState = {
    setup,
    phase: template.phases[0],
    phaseSeq: 0,
    phaseEnteredAt: now.toISOString(),
    phaseDeadline: null,
    phaseHistory: [],
    survey: { surveyorIds: [], findings: {} },
    drafts: [],
    consultations: [],
    approval: { approvedBy: null, approvedAt: null, sendBacks: [] },
    issuance: null,
    dissemination: { heldOn: null, recordedBy: null, audienceIds: [], acknowledged: {} },
    implementation: { startedAt: null, termEndsAt: null, annualPlans: [], reviews: [], inspections: [] },
    finalReview: { review: null, evaluations: [], commendations: [], lessons: [] },
    endReason: null,
    supersededBy: null,
    appliedRequestIds: [],
    version: 0,
  };
  enterPhase(state, template, template.phases[0], now, setup.createdBy, 'created');
  return state;
}

// ---------------------------------------------------------------------------------------------
// Who may do what

const isIssuingUnit = (s: ProgrammeState, a: Actor) => a.unitId === s.setup.issuingUnitId;
const isMemberInCharge = (s: ProgrammeState, a: Actor) => a.personId === s.setup.memberInChargeId;
const isIssuingHead = (s: ProgrammeState, a: Actor) => a.personId === s.setup.issuingHeadId;
/** The drafting team: advisory staff of the issuing unit, its head, or the member in charge. */
const isDrafter = (s: ProgrammeState, a: Actor) =>
  isMemberInCharge(s, a) || isIssuingHead(s, a) || (isIssuingUnit(s, a) && hasRole(a, Role.ADVISORY_STAFF, Role.HEAD));
const isApprover = (s: ProgrammeState, a: Actor) => hasRole(a, Role.STANDING_COMMITTEE) || isIssuingHead(s, a);
const isLeadership = (s: ProgrammeState, a: Actor) => isApprover(s, a) || isMemberInCharge(s, a);

function responsibleUnits(s: ProgrammeState): string[] {
  const units = new Set<string>();
  for (const t of s.issuance?.targets ?? []) units.add(t.responsibleUnitId);
  for (const t of allTasks(s)) units.add(t.responsibleUnitId);
  return [...units].sort();
}

/** Tasks issued with the programme and those added by annual plans since. */
export function allTasks(s: ProgrammeState): ProgrammeTask[] {
  return [...(s.issuance?.tasks ?? []), ...s.implementation.annualPlans.flatMap((pl) => pl.tasks ?? [])];
}

// ---------------------------------------------------------------------------------------------
// Validation: pure, no mutation. Returns the first reason to refuse, or null.

const MAX_TEXT = 20_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown, field: string, max = MAX_TEXT): Refusal | null {
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${field} must not be empty`);
  if (value.length > max) return invalid(`${field} is longer than ${max} characters`);
  return null;
}

function ids(value: unknown, field: string, min = 1, max = 500): Refusal | null {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === ''))
    return invalid(`${field} must be a list of ids`);
  if (value.length < min) return invalid(`${field} needs at least ${min}`);
  if (value.length > max) return invalid(`${field} has more than ${max} entries`);
  if (new Set(value).size !== value.length) return invalid(`${field} has duplicates`);
  return null;
}

function calendarDate(value: unknown, field: string): Refusal | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return invalid(`${field} must be a date like 2024-03-31`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    return invalid(`${field} ${value} is not a real date`);
  return null;
}

function requirePhase(s: ProgrammeState, action: string, ...phases: Phase[]): Refusal | null {
  if (phases.includes(s.phase)) return null;
  return wrongPhase(`${action} is possible in ${phases.join(' or ')}, but the programme is in ${s.phase}`);
}

function currentRound(s: ProgrammeState) {
  const last = s.consultations[s.consultations.length - 1];
  return last && last.closedAt === null ? last : null;
}

function currentReview(s: ProgrammeState, seq: number): Review | undefined {
  return s.implementation.reviews.find((r) => r.seq === seq);
}

function validateTargets(targets: TargetInput[]): Refusal | null {
  if (!Array.isArray(targets) || targets.length > 500) return invalid('targets must be a list of at most 500');
  const codes = new Set<string>();
  for (const [i, t] of targets.entries()) {
    const where = `targets[${i}]`;
    const bad =
      text(t.code, `${where}.code`, 50) ??
      text(t.name, `${where}.name`, 500) ??
      text(t.unit, `${where}.unit`, 50) ??
      text(t.responsibleUnitId, `${where}.responsibleUnitId`, 100);
    if (bad) return bad;
    if (codes.has(t.code)) return invalid(`target code ${t.code} appears twice`);
    codes.add(t.code);
    if (t.baseline !== undefined && t.baseline !== null && !isDecimal(t.baseline))
      return invalid(`${where}.baseline is not a number`);
    const goalProblem = validateGoal(t.goal ?? ({} as TargetGoal));
    if (goalProblem) return invalid(`${where}.goal: ${goalProblem}`);
    for (const [period, g] of Object.entries(t.periodGoals ?? {})) {
      const p = validateGoal(g);
      if (p) return invalid(`${where}.periodGoals.${period}: ${p}`);
    }
  }
  return null;
}

function validateTasks(tasks: ProgrammeTask[]): Refusal | null {
  if (!Array.isArray(tasks) || tasks.length > 2000) return invalid('tasks must be a list of at most 2000');
  const codes = new Set<string>();
  for (const [i, t] of tasks.entries()) {
    const where = `tasks[${i}]`;
    if (typeof t !== 'object' || t === null) return invalid(`${where} must be an object`);
    const bad =
      text(t.code, `${where}.code`, 50) ??
      text(t.title, `${where}.title`, 1000) ??
      text(t.responsibleUnitId, `${where}.responsibleUnitId`, 100) ??
      text(t.responsiblePersonId, `${where}.responsiblePersonId`, 100) ??
      ids(t.coordinatingUnitIds ?? [], `${where}.coordinatingUnitIds`, 0);
    if (bad) return bad;
    if (codes.has(t.code)) return invalid(`task code ${t.code} appears twice`);
    codes.add(t.code);
    if (typeof t.dueAt !== 'string' || Number.isNaN(Date.parse(t.dueAt)))
      return invalid(`${where}.dueAt must be a date-time`);
  }
  return null;
}

function validateValues(s: ProgrammeState, values: Record<string, string>): Refusal | null {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    return invalid('values must map target codes to numbers');
  const known = new Set((s.issuance?.targets ?? []).map((t) => t.code));
  for (const [code, v] of Object.entries(values)) {
    if (!known.has(code)) return invalid(`unknown target code ${code}`);
    if (!isDecimal(v)) return invalid(`value of ${code} must be a decimal number such as 7.2`);
  }
  return null;
}

export function validateAction(s: ProgrammeState, actor: Actor, action: ProgrammeAction, now: Date): Refusal | null {
  if (isTerminal(s.phase)) return wrongPhase(`the programme is ${s.phase} and accepts no more actions`);
  const p = action.payload as Record<string, unknown>;
  if (typeof p !== 'object' || p === null) return invalid('payload must be an object');
  switch (action.name) {
    case 'assignSurveyors':
      return (
        requirePhase(s, 'assigning surveyors', Phase.SURVEY) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team or the member in charge assigns surveyors')) ??
        ids(action.payload.surveyorIds, 'surveyorIds', 1, 100)
      );
    case 'submitSurveyFindings':
      return (
        requirePhase(s, 'submitting survey findings', Phase.SURVEY) ??
        (s.survey.surveyorIds.includes(actor.personId)
          ? null
          : forbidden('only an assigned surveyor submits findings, in person')) ??
        text(action.payload.text, 'text')
      );
    case 'closeSurvey':
      return (
        requirePhase(s, 'closing the survey', Phase.SURVEY) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team or the member in charge closes the survey')) ??
        (Object.keys(s.survey.findings).length > 0 ? null : wrongPhase('the survey has no findings yet'))
      );
    case 'submitDraft': {
      const bad =
        requirePhase(s, 'submitting a draft', Phase.DRAFTING) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team submits drafts'));
      if (bad) return bad;
      const { text: body, documentRef, changeNote } = action.payload;
      if (!body && !documentRef) return invalid('a draft needs its text or a document reference');
      return (
        (body !== undefined ? text(body, 'text') : null) ??
        (documentRef !== undefined ? text(documentRef, 'documentRef', 200) : null) ??
        text(changeNote, 'changeNote', 2000)
      );
    }
    case 'openConsultation': {
      const bad =
        requirePhase(s, 'opening a consultation round', Phase.DRAFTING) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team opens consultation')) ??
        (s.drafts.length > 0 ? null : wrongPhase('there is no draft to consult on yet')) ??
        ids(action.payload.inviteeIds, 'inviteeIds', 1, 2000);
      if (bad) return bad;
      if (action.payload.deadline !== undefined) {
        const t = Date.parse(action.payload.deadline);
        if (Number.isNaN(t)) return invalid('deadline must be a date-time');
        if (t <= now.getTime()) return invalid('deadline must be in the future');
      }
      return null;
    }
    case 'submitOpinion': {
      const bad = requirePhase(s, 'giving an opinion', Phase.CONSULTATION);
      if (bad) return bad;
      const round = currentRound(s);
      if (!round) return wrongPhase('no consultation round is open');
      if (action.payload.onBehalfOf !== undefined && action.payload.onBehalfOf !== actor.personId)
        return forbidden('an opinion must be given personally; it cannot be filed on behalf of someone else');
      if (!round.inviteeIds.includes(actor.personId))
        return forbidden('you are not invited to this consultation round');
      if (round.opinions[actor.personId]) return wrongPhase('you have already given your opinion in this round');
      return text(action.payload.text, 'text');
    }
    case 'closeConsultation': {
      const bad =
        requirePhase(s, 'closing consultation', Phase.CONSULTATION) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team closes consultation'));
      if (bad) return bad;
      const round = currentRound(s);
      if (!round) return wrongPhase('no consultation round is open');
      const allAnswered = round.inviteeIds.every((id) => round.opinions[id]);
      if (!allAnswered && Date.parse(round.deadline) > now.getTime())
        return wrongPhase(`the round closes when everyone has answered or at its deadline ${round.deadline}`);
      return null;
    }
    case 'submitForApproval':
      return (
        requirePhase(s, 'submitting for approval', Phase.DRAFTING) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team submits for approval')) ??
        (s.consultations.some((r) => r.closedAt)
          ? null
          : wrongPhase('the draft has not been through a consultation round'))
      );
    case 'approve':
      return (
        requirePhase(s, 'approving', Phase.APPROVAL) ??
        (isApprover(s, actor)
          ? null
          : forbidden('only the Standing Committee or the head of the issuing committee approves'))
      );
    case 'sendBack':
      return (
        requirePhase(s, 'sending back', Phase.APPROVAL) ??
        (isApprover(s, actor)
          ? null
          : forbidden('only the Standing Committee or the head of the issuing committee sends back')) ??
        text(action.payload.reasons, 'reasons', 5000)
      );
    case 'issue': {
      const bad =
        requirePhase(s, 'issuing', Phase.ISSUED) ??
        (isDrafter(s, actor) ? null : forbidden('only the issuing committee office issues the programme'));
      if (bad) return bad;
      const q = action.payload;
      return (
        text(q.documentNumber, 'documentNumber', 50) ??
        calendarDate(q.issuedOn, 'issuedOn') ??
        validateTargets(q.targets) ??
        validateTasks(q.tasks) ??
        (Array.isArray(q.solutions) && q.solutions.every((x) => typeof x === 'string')
          ? null
          : invalid('solutions must be a list of texts')) ??
        (Array.isArray(q.resources) && q.resources.every((x) => typeof x === 'string')
          ? null
          : invalid('resources must be a list of texts')) ??
        (q.steeringCommittee
          ? (text(q.steeringCommittee.headId, 'steeringCommittee.headId', 100) ??
            ids(q.steeringCommittee.memberIds, 'steeringCommittee.memberIds', 0))
          : null)
      );
    }
    case 'recordDissemination':
      return (
        requirePhase(s, 'recording the dissemination conference', Phase.DISSEMINATION) ??
        (isIssuingHead(s, actor)
          ? null
          : forbidden('the head of the issuing committee disseminates the programme personally')) ??
        calendarDate(action.payload.heldOn, 'heldOn') ??
        ids(action.payload.audienceIds, 'audienceIds', 1, 10_000)
      );
    case 'acknowledgeDissemination':
      if (!s.dissemination.heldOn) return wrongPhase('the dissemination conference has not been held yet');
      if (!s.dissemination.audienceIds.includes(actor.personId))
        return forbidden('you are not in the audience of this dissemination');
      if (s.dissemination.acknowledged[actor.personId]) return wrongPhase('you have already acknowledged');
      return null;
    case 'addAnnualPlan': {
      const bad =
        requirePhase(s, 'adding an annual plan', Phase.IMPLEMENTATION) ??
        (isDrafter(s, actor) ? null : forbidden('only the issuing committee office adds annual plans'));
      if (bad) return bad;
      const { year, title, items } = action.payload;
      if (!Number.isInteger(year) || year < 2000 || year > 2100) return invalid('year must be a year such as 2024');
      if (s.implementation.annualPlans.some((pl) => pl.year === year))
        return wrongPhase(`an annual plan for ${year} exists already`);
      const tasks = action.payload.tasks ?? [];
      const taken = new Set(allTasks(s).map((t) => t.code));
      const clash = Array.isArray(tasks) ? tasks.find((t) => taken.has(t?.code)) : undefined;
      return (
        text(title, 'title', 500) ??
        (Array.isArray(items) && items.length > 0 && items.every((i) => typeof i === 'string' && i.trim())
          ? null
          : invalid('items must be a non-empty list of texts')) ??
        validateTasks(tasks) ??
        (clash ? invalid(`task code ${clash.code} is used already in this programme`) : null)
      );
    }
    case 'submitReviewReport': {
      const bad = requirePhase(s, 'reporting to a review', Phase.IMPLEMENTATION);
      if (bad) return bad;
      const review = currentReview(s, action.payload.reviewSeq);
      if (!review) return invalid(`there is no review number ${action.payload.reviewSeq}`);
      if (review.closedAt) return wrongPhase(`review ${review.periodLabel} is closed`);
      if (Date.parse(review.opensAt) > now.getTime()) return wrongPhase(`review ${review.periodLabel} is not open yet`);
      if (!review.expectedUnitIds.includes(actor.unitId))
        return forbidden('your unit is not asked to report to this review');
      return text(action.payload.text, 'text') ?? validateValues(s, action.payload.values);
    }
    case 'recordInspection':
      return (
        requirePhase(s, 'recording an inspection', Phase.IMPLEMENTATION, Phase.FINAL_REVIEW) ??
        (hasRole(actor, Role.INSPECTOR) || isMemberInCharge(s, actor)
          ? null
          : forbidden('only the inspection commission or the member in charge records inspections')) ??
        text(action.payload.findings, 'findings')
      );
    case 'submitFinalReport': {
      const bad = requirePhase(s, 'reporting to the final review', Phase.FINAL_REVIEW);
      if (bad) return bad;
      const review = s.finalReview.review;
      if (!review || review.closedAt) return wrongPhase('the final review is not accepting reports');
      if (!review.expectedUnitIds.includes(actor.unitId))
        return forbidden('your unit is not asked to report to the final review');
      return text(action.payload.text, 'text') ?? validateValues(s, action.payload.values);
    }
    case 'evaluate': {
      const bad =
        requirePhase(s, 'evaluating', Phase.FINAL_REVIEW) ??
        (isLeadership(s, actor)
          ? null
          : forbidden('only the Standing Committee, the head or the member in charge evaluates'));
      if (bad) return bad;
      const q = action.payload;
      if (q.subjectKind !== 'UNIT' && q.subjectKind !== 'PERSON') return invalid('subjectKind must be UNIT or PERSON');
      if (!['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'].includes(q.rating))
        return invalid('rating must be EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED');
      return text(q.subjectId, 'subjectId', 100) ?? text(q.comment, 'comment', 5000);
    }
    case 'commend':
      return (
        requirePhase(s, 'commending', Phase.FINAL_REVIEW) ??
        (isLeadership(s, actor)
          ? null
          : forbidden('only the Standing Committee, the head or the member in charge commends')) ??
        (action.payload.subjectKind === 'UNIT' || action.payload.subjectKind === 'PERSON'
          ? null
          : invalid('subjectKind must be UNIT or PERSON')) ??
        text(action.payload.subjectId, 'subjectId', 100) ??
        text(action.payload.text, 'text', 5000)
      );
    case 'recordLessons':
      return (
        requirePhase(s, 'recording lessons', Phase.FINAL_REVIEW) ??
        (isLeadership(s, actor) || isDrafter(s, actor)
          ? null
          : forbidden('only the leadership or the drafting team records lessons')) ??
        (Array.isArray(action.payload.lessons) && action.payload.lessons.length > 0
          ? null
          : invalid('lessons must be a non-empty list')) ??
        action.payload.lessons.map((l, i) => text(l, `lessons[${i}]`, 5000)).find((r) => r) ??
        null
      );
    case 'closeProgramme': {
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
    }
    case 'cancel':
      return (
        (isApprover(s, actor)
          ? null
          : forbidden('only the Standing Committee or the head of the issuing committee cancels a programme')) ??
        text(action.payload.reason, 'reason', 2000)
      );
    case 'supersede':
      return (
        (isApprover(s, actor)
          ? null
          : forbidden('only the Standing Committee or the head of the issuing committee supersedes a programme')) ??
        text(action.payload.reason, 'reason', 2000) ??
        text(action.payload.byProgrammeId, 'byProgrammeId', 100) ??
        (action.payload.byProgrammeId === s.setup.programmeId ? invalid('a programme cannot supersede itself') : null)
      );
    default:
      return invalid(`unknown action ${(action as { name: string }).name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Application: mutates the state; call only after validateAction returned null.

export function enterPhase(
  s: ProgrammeState,
  t: ProgrammeTemplate,
  phase: Phase,
  now: Date,
  actorId: string | null,
  reason: string | null,
  deadlineOverride?: string,
): ProgrammeEffect[] {
  const before = s.phase;
  s.phase = phase;
  s.phaseSeq += 1;
  s.phaseEnteredAt = now.toISOString();
  const duration = t.phaseDurations[phase];
  s.phaseDeadline = deadlineOverride ?? (duration ? addIsoDuration(now, duration).toISOString() : null);
  s.phaseHistory.push({
    seq: s.phaseSeq,
    phase,
    enteredAt: s.phaseEnteredAt,
    deadline: s.phaseDeadline,
    actorId,
    reason,
  });
  if (phase === Phase.IMPLEMENTATION) startImplementation(s, t, now);
  const opened: ProgrammeEffect[] = [];
  if (phase === Phase.FINAL_REVIEW) opened.push(...openReview(s, openFinalReview(s, t, now)));
  if (s.phaseSeq === 1) return [];
  return [
    ...opened,
    {
      type: 'audit',
      action: 'phase.changed',
      actorId,
      before: { phase: before },
      after: { phase, deadline: s.phaseDeadline, reason },
    },
    {
      type: 'notify',
      kind: 'PHASE_CHANGED',
      recipientIds: uniq([s.setup.memberInChargeId, s.setup.issuingHeadId]),
      params: { title: s.setup.title, from: before, to: phase, deadline: s.phaseDeadline },
    },
  ];
}

function nextPhaseAfter(t: ProgrammeTemplate, phase: Phase): Phase {
  const i = t.phases.indexOf(phase);
  return t.phases[i + 1] ?? Phase.CLOSED;
}

function uniq(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

const REVIEW_KIND_VI: Record<ReviewKind, string> = {
  QUARTERLY: 'Sơ kết quý',
  HALF_YEAR: 'Sơ kết 6 tháng',
  YEARLY: 'Sơ kết năm',
  MID_TERM: 'Sơ kết giữa nhiệm kỳ',
  FINAL: 'Tổng kết',
};
export { REVIEW_KIND_VI };

/** Review k (1-based) of a term: every 2nd half-yearly, every 4th yearly, the middle one mid-term. */
export function reviewKind(k: number, reviewsInTerm: number): ReviewKind {
  const midTerm = Math.round(reviewsInTerm / 2);
  if (reviewsInTerm >= 8 && k === midTerm) return 'MID_TERM';
  if (k % 4 === 0) return 'YEARLY';
  if (k % 2 === 0) return 'HALF_YEAR';
  return 'QUARTERLY';
}

function startImplementation(s: ProgrammeState, t: ProgrammeTemplate, now: Date): void {
  s.implementation.startedAt = now.toISOString();
  const termEnd = addIsoDuration(now, t.term);
  s.implementation.termEndsAt = termEnd.toISOString();
  const expected = responsibleUnits(s);
  const opens: Date[] = [];
  for (let k = 1; k < 1000; k++) {
    const at = addIsoDuration(now, t.reviewEvery, k);
    if (at.getTime() >= termEnd.getTime()) break;
    opens.push(at);
  }
  s.implementation.reviews = opens.map((at, i) => {
    const kind = reviewKind(i + 1, opens.length + 1);
    return newReview(i + 1, kind, `${REVIEW_KIND_VI[kind]} ${i + 1}`, at, addIsoDuration(at, t.reviewWindow), expected);
  });
}

function newReview(
  seq: number,
  kind: ReviewKind,
  label: string,
  opensAt: Date,
  closesAt: Date,
  expectedUnitIds: string[],
): Review {
  return {
    seq,
    kind,
    periodLabel: label,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    expectedUnitIds,
    reports: {},
    closedAt: null,
    results: {},
    summary: null,
    lowTargetCodes: [],
  };
}

function openFinalReview(s: ProgrammeState, t: ProgrammeTemplate, now: Date): Review {
  const window = t.phaseDurations[Phase.FINAL_REVIEW] ?? t.reviewWindow;
  // Units report during the first half of the final-review phase; evaluation follows.
  const closes = new Date((now.getTime() + addIsoDuration(now, window).getTime()) / 2);
  s.finalReview.review = newReview(
    s.implementation.reviews.length + 1,
    'FINAL',
    REVIEW_KIND_VI.FINAL,
    now,
    closes,
    responsibleUnits(s),
  );
  return s.finalReview.review;
}

/** The most recently closed review, periodic or final: the programme's current headline. */
export function latestClosedReview(s: ProgrammeState): Review | undefined {
  const all = s.finalReview.review ? [...s.implementation.reviews, s.finalReview.review] : s.implementation.reviews;
  let latest: Review | undefined;
  for (const r of all) if (r.closedAt && (!latest || r.closedAt >= (latest.closedAt as string))) latest = r;
  return latest;
}

/** Closes a review: achievement per target from the latest value each unit reported. */
export function closeReview(s: ProgrammeState, review: Review, now: Date): ProgrammeEffect[] {
  const latest: Record<string, string> = {};
  const previous = s.implementation.reviews.filter((r) => r.closedAt && r.seq < review.seq);
  for (const r of previous) for (const rep of Object.values(r.reports)) Object.assign(latest, rep.values);
  const byTime = Object.values(review.reports).sort((a, b) => a.at.localeCompare(b.at));
  const current: Record<string, string> = {};
  for (const rep of byTime) Object.assign(current, rep.values);
  const targets = s.issuance?.targets ?? [];
  const results: Record<string, ReturnType<typeof evaluateTarget>> = {};
  for (const target of targets) {
    const value = current[target.code] ?? (review.kind === 'FINAL' ? latest[target.code] : undefined);
    results[target.code] = evaluateTarget(goalFor(target, review), value);
  }
  review.results = results;
  review.summary = summariseAchievement(Object.values(results));
  review.lowTargetCodes = Object.entries(results)
    .filter(([, a]) => a === 'NOT_ACHIEVED' || a === 'NO_DATA')
    .map(([code]) => code);
  review.closedAt = now.toISOString();
  const silentUnits = review.expectedUnitIds.filter((u) => !review.reports[u]);
  return [
    {
      type: 'audit',
      action: 'review.closed',
      actorId: null,
      before: null,
      after: {
        seq: review.seq,
        period: review.periodLabel,
        headline: review.summary.headline,
        low: review.lowTargetCodes,
        silentUnits,
      },
    },
    {
      type: 'notify',
      kind: 'REVIEW_CLOSED',
      recipientIds: uniq([s.setup.memberInChargeId, s.setup.issuingHeadId]),
      params: { title: s.setup.title, period: review.periodLabel, headline: review.summary.headline },
    },
  ];
}

function goalFor(target: ProgrammeTarget, review: Review): TargetGoal {
  return target.periodGoals[review.periodLabel] ?? target.goal;
}

/** Opens a scheduled review: asks every responsible person to report. */
export function openReview(s: ProgrammeState, review: Review): ProgrammeEffect[] {
  return [
    {
      type: 'audit',
      action: 'review.opened',
      actorId: null,
      before: null,
      after: { seq: review.seq, period: review.periodLabel, closesAt: review.closesAt },
    },
    {
      type: 'notify',
      kind: 'REVIEW_OPENED',
      recipientIds: reviewReporters(s, review),
      params: { title: s.setup.title, period: review.periodLabel, closesAt: review.closesAt },
    },
  ];
}

/** People who report for the units that have not reported yet: their tasks' responsible persons. */
export function reviewReporters(s: ProgrammeState, review: Review): string[] {
  const pending = new Set(review.expectedUnitIds.filter((u) => !review.reports[u]));
  return uniq(
    allTasks(s)
      .filter((t) => pending.has(t.responsibleUnitId))
      .map((t) => t.responsiblePersonId),
  );
}

function closeRound(s: ProgrammeState, t: ProgrammeTemplate, now: Date, actorId: string | null): ProgrammeEffect[] {
  const round = currentRound(s);
  if (!round) return [];
  round.closedAt = now.toISOString();
  round.silentIds = round.inviteeIds.filter((id) => !round.opinions[id]);
  return [
    {
      type: 'audit',
      action: 'consultation.closed',
      actorId,
      before: null,
      after: { round: round.no, answered: Object.keys(round.opinions).length, silent: round.silentIds },
    },
    ...enterPhase(s, t, Phase.DRAFTING, now, actorId, `consultation round ${round.no} closed`),
  ];
}

/** Closes the open consultation round when its deadline has passed (timer path). */
export function closeConsultationAtDeadline(s: ProgrammeState, t: ProgrammeTemplate, now: Date): ProgrammeEffect[] {
  const round = currentRound(s);
  if (!round || s.phase !== Phase.CONSULTATION || Date.parse(round.deadline) > now.getTime()) return [];
  return closeRound(s, t, now, null);
}

export function applyAction(
  s: ProgrammeState,
  t: ProgrammeTemplate,
  actor: Actor,
  action: ProgrammeAction,
  now: Date,
  requestId: string,
): ProgrammeEffect[] {
  const at = now.toISOString();
  const by = actor.personId;
  const audit = (after: Record<string, unknown>, before: Record<string, unknown> | null = null): ProgrammeEffect => ({
    type: 'audit',
    action: action.name,
    actorId: by,
    before,
    after,
  });
  const effects: ProgrammeEffect[] = [];
  switch (action.name) {
    case 'assignSurveyors': {
      const before = [...s.survey.surveyorIds];
      s.survey.surveyorIds = uniq([...s.survey.surveyorIds, ...action.payload.surveyorIds]);
      effects.push(audit({ surveyorIds: s.survey.surveyorIds }, { surveyorIds: before }));
      effects.push({
        type: 'notify',
        kind: 'SURVEY_ASSIGNED',
        recipientIds: action.payload.surveyorIds,
        params: { title: s.setup.title, deadline: s.phaseDeadline },
      });
      break;
    }
    case 'submitSurveyFindings':
      s.survey.findings[by] = { text: action.payload.text, at };
      effects.push(audit({ surveyor: by, length: action.payload.text.length }));
      break;
    case 'closeSurvey':
      effects.push(audit({ findings: Object.keys(s.survey.findings).length }));
      effects.push(...enterPhase(s, t, nextPhaseAfter(t, Phase.SURVEY), now, by, 'survey closed'));
      break;
    case 'submitDraft': {
      const version = s.drafts.length + 1;
      s.drafts.push({
        version,
        text: action.payload.text ?? null,
        documentRef: action.payload.documentRef ?? null,
        changeNote: action.payload.changeNote,
        by,
        at,
      });
      effects.push(
        audit({ version, documentRef: action.payload.documentRef ?? null, changeNote: action.payload.changeNote }),
      );
      break;
    }
    case 'openConsultation': {
      const deadline = action.payload.deadline
        ? new Date(action.payload.deadline).toISOString()
        : addIsoDuration(now, t.consultationWindow).toISOString();
      const round = {
        no: s.consultations.length + 1,
        inviteeIds: action.payload.inviteeIds,
        deadline,
        openedAt: at,
        opinions: {},
        closedAt: null,
        silentIds: [],
      };
      s.consultations.push(round);
      effects.push(audit({ round: round.no, invitees: round.inviteeIds.length, deadline }));
      // The round's own deadline governs this phase.
      effects.push(...enterPhase(s, t, Phase.CONSULTATION, now, by, `consultation round ${round.no} opened`, deadline));
      effects.push({
        type: 'notify',
        kind: 'CONSULTATION_INVITATION',
        recipientIds: round.inviteeIds,
        params: { title: s.setup.title, round: round.no, deadline, draftVersion: s.drafts.length },
      });
      break;
    }
    case 'submitOpinion': {
      const round = currentRound(s)!;
      round.opinions[by] = { text: action.payload.text, at };
      effects.push(audit({ round: round.no, invitee: by }));
      break;
    }
    case 'closeConsultation':
      effects.push(...closeRound(s, t, now, by));
      break;
    case 'submitForApproval':
      effects.push(audit({ draftVersion: s.drafts.length }));
      effects.push(...enterPhase(s, t, Phase.APPROVAL, now, by, 'submitted for approval'));
      break;
    case 'approve':
      s.approval.approvedBy = by;
      s.approval.approvedAt = at;
      effects.push(audit({ draftVersion: s.drafts.length, note: action.payload.note ?? null }));
      effects.push(...enterPhase(s, t, Phase.ISSUED, now, by, 'approved'));
      break;
    case 'sendBack':
      s.approval.sendBacks.push({ by, at, reasons: action.payload.reasons });
      effects.push(audit({ reasons: action.payload.reasons }));
      effects.push(...enterPhase(s, t, Phase.DRAFTING, now, by, `sent back: ${action.payload.reasons}`));
      break;
    case 'issue': {
      const q = action.payload;
      s.issuance = {
        by,
        at,
        documentNumber: q.documentNumber,
        issuedOn: q.issuedOn,
        targets: q.targets.map((x) => ({
          code: x.code,
          name: x.name,
          unit: x.unit,
          baseline: x.baseline ?? null,
          goal: x.goal,
          responsibleUnitId: x.responsibleUnitId,
          periodGoals: x.periodGoals ?? {},
        })),
        tasks: q.tasks.map((x) => ({ ...x, coordinatingUnitIds: x.coordinatingUnitIds ?? [] })),
        solutions: q.solutions,
        resources: q.resources,
        steeringCommittee: q.steeringCommittee ?? null,
      };
      effects.push(
        audit({
          documentNumber: q.documentNumber,
          issuedOn: q.issuedOn,
          targets: q.targets.length,
          tasks: q.tasks.length,
        }),
      );
      effects.push(...enterPhase(s, t, nextPhaseAfter(t, Phase.ISSUED), now, by, `issued as ${q.documentNumber}`));
      break;
    }
    case 'recordDissemination':
      s.dissemination.heldOn = action.payload.heldOn;
      s.dissemination.recordedBy = by;
      s.dissemination.audienceIds = uniq(action.payload.audienceIds);
      effects.push(audit({ heldOn: action.payload.heldOn, audience: s.dissemination.audienceIds.length }));
      effects.push({
        type: 'notify',
        kind: 'DISSEMINATION_ACK_REQUEST',
        recipientIds: s.dissemination.audienceIds,
        params: { title: s.setup.title, heldOn: action.payload.heldOn },
      });
      effects.push(
        ...enterPhase(s, t, nextPhaseAfter(t, Phase.DISSEMINATION), now, by, 'dissemination conference held'),
      );
      break;
    case 'acknowledgeDissemination':
      s.dissemination.acknowledged[by] = at;
      effects.push(
        audit({
          acknowledged: Object.keys(s.dissemination.acknowledged).length,
          audience: s.dissemination.audienceIds.length,
        }),
      );
      break;
    case 'addAnnualPlan':
      s.implementation.annualPlans.push({
        by,
        at,
        year: action.payload.year,
        title: action.payload.title,
        items: action.payload.items,
        tasks: (action.payload.tasks ?? []).map((x) => ({ ...x, coordinatingUnitIds: x.coordinatingUnitIds ?? [] })),
      });
      effects.push(audit({ year: action.payload.year, items: action.payload.items.length }));
      break;
    case 'submitReviewReport': {
      const review = currentReview(s, action.payload.reviewSeq)!;
      const before = review.reports[actor.unitId] ? { values: review.reports[actor.unitId].values } : null;
      review.reports[actor.unitId] = {
        unitId: actor.unitId,
        text: action.payload.text,
        values: action.payload.values,
        by,
        at,
      };
      effects.push(audit({ review: review.seq, unitId: actor.unitId, values: action.payload.values }, before));
      break;
    }
    case 'recordInspection':
      s.implementation.inspections.push({
        by,
        at,
        findings: action.payload.findings,
        unitId: action.payload.unitId ?? null,
      });
      effects.push(audit({ unitId: action.payload.unitId ?? null }));
      break;
    case 'submitFinalReport': {
      const review = s.finalReview.review!;
      review.reports[actor.unitId] = {
        unitId: actor.unitId,
        text: action.payload.text,
        values: action.payload.values,
        by,
        at,
      };
      effects.push(audit({ unitId: actor.unitId, values: action.payload.values }));
      break;
    }
    case 'evaluate': {
      const figures = evaluationFigures(s, action.payload.subjectKind, action.payload.subjectId, now);
      const others = s.finalReview.evaluations.filter(
        (e) => !(e.subjectKind === action.payload.subjectKind && e.subjectId === action.payload.subjectId),
      );
      s.finalReview.evaluations = [...others, { by, at, ...action.payload, figures }];
      effects.push(audit({ ...action.payload, figures }));
      break;
    }
    case 'commend':
      s.finalReview.commendations.push({ by, at, ...action.payload });
      effects.push(audit({ ...action.payload }));
      break;
    case 'recordLessons':
      s.finalReview.lessons.push(...action.payload.lessons);
      effects.push(audit({ lessons: action.payload.lessons.length }));
      break;
    case 'closeProgramme':
      effects.push(audit({ headline: s.finalReview.review?.summary?.headline ?? null }));
      effects.push(...enterPhase(s, t, Phase.CLOSED, now, by, 'final review completed'));
      effects.push({
        type: 'notify',
        kind: 'PROGRAMME_CLOSED',
        recipientIds: uniq([s.setup.memberInChargeId, s.setup.issuingHeadId]),
        params: { title: s.setup.title, headline: s.finalReview.review?.summary?.headline ?? null },
      });
      break;
    case 'cancel':
      s.endReason = action.payload.reason;
      effects.push(audit({ reason: action.payload.reason }, { phase: s.phase }));
      effects.push(...enterPhase(s, t, Phase.CANCELLED, now, by, action.payload.reason));
      break;
    case 'supersede':
      s.endReason = action.payload.reason;
      s.supersededBy = action.payload.byProgrammeId;
      effects.push(
        audit({ reason: action.payload.reason, byProgrammeId: action.payload.byProgrammeId }, { phase: s.phase }),
      );
      effects.push(...enterPhase(s, t, Phase.SUPERSEDED, now, by, action.payload.reason));
      break;
  }
  rememberRequest(s, requestId);
  s.version += 1;
  return effects;
}

export function rememberRequest(s: ProgrammeState, requestId: string): void {
  s.appliedRequestIds.push(requestId);
  if (s.appliedRequestIds.length > MAX_REMEMBERED_REQUEST_IDS)
    s.appliedRequestIds.splice(0, s.appliedRequestIds.length - MAX_REMEMBERED_REQUEST_IDS);
}

/** The figures behind a rating: tasks on time, late, overdue; targets achieved in the final review. */
export function evaluationFigures(s: ProgrammeState, kind: 'UNIT' | 'PERSON', subjectId: string, now: Date) {
  const targets = (s.issuance?.targets ?? []).filter((t) => kind === 'UNIT' && t.responsibleUnitId === subjectId);
  const results = s.finalReview.review?.results ?? {};
  const achieved = targets.filter((t) => results[t.code] === 'ACHIEVED' || results[t.code] === 'EXCEEDED').length;
  return { ...taskFigures(s, kind, subjectId, now), targetsAchieved: achieved, targetsTotal: targets.length };
}

/** What the programme waits for now, and from whom: the live state's headline for people. */
export function awaiting(s: ProgrammeState, now: Date): { what: string; fromIds: string[]; deadline: string | null } {
  switch (s.phase) {
    case Phase.SURVEY:
      return s.survey.surveyorIds.length === 0
        ? { what: 'assign surveyors', fromIds: [s.setup.memberInChargeId], deadline: s.phaseDeadline }
        : {
            what: 'survey findings',
            fromIds: s.survey.surveyorIds.filter((id) => !s.survey.findings[id]),
            deadline: s.phaseDeadline,
          };
    case Phase.DRAFTING:
      return {
        what: s.drafts.length === 0 ? 'first draft' : 'next draft, consultation or submission for approval',
        fromIds: [s.setup.memberInChargeId],
        deadline: s.phaseDeadline,
      };
    case Phase.CONSULTATION: {
      const round = currentRound(s);
      return {
        what: 'opinions on the draft',
        fromIds: round ? round.inviteeIds.filter((id) => !round.opinions[id]) : [],
        deadline: round?.deadline ?? null,
      };
    }
    case Phase.APPROVAL:
      return { what: 'approval', fromIds: [s.setup.issuingHeadId], deadline: s.phaseDeadline };
    case Phase.ISSUED:
      return {
        what: 'issuance details (number, targets, tasks)',
        fromIds: [s.setup.memberInChargeId],
        deadline: s.phaseDeadline,
      };
    case Phase.DISSEMINATION:
      return {
        what: 'dissemination conference by the head',
        fromIds: [s.setup.issuingHeadId],
        deadline: s.phaseDeadline,
      };
    case Phase.IMPLEMENTATION: {
      const open = s.implementation.reviews.find((r) => !r.closedAt && Date.parse(r.opensAt) <= now.getTime());
      if (open)
        return { what: `reports for ${open.periodLabel}`, fromIds: reviewReporters(s, open), deadline: open.closesAt };
      return { what: 'implementation', fromIds: [], deadline: s.implementation.termEndsAt };
    }
    case Phase.FINAL_REVIEW: {
      const r = s.finalReview.review;
      if (r && !r.closedAt) return { what: 'final reports', fromIds: reviewReporters(s, r), deadline: r.closesAt };
      return {
        what: 'evaluations and closing',
        fromIds: [s.setup.memberInChargeId, s.setup.issuingHeadId],
        deadline: s.phaseDeadline,
      };
    }
    default:
      return { what: 'nothing', fromIds: [], deadline: null };
  }
}
