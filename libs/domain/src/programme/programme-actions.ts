import { entryFor } from '../common/action-table';
import { rememberRequestId } from '../common/applied-requests';
import { availableAction, AvailableAction, refusalOf } from '../common/available-action';
import type { Actor } from '../org/actor';
import type { ActionRule } from './actions/action-rule';
import { ApprovalPayloads, approvalActions } from './actions/approval';
import { CommendationPayloads, commendationActions } from './actions/commendation';
import { ConsultationPayloads, consultationActions } from './actions/consultation';
import { DisseminationPayloads, disseminationActions } from './actions/dissemination';
import { DraftingPayloads, draftingActions } from './actions/drafting';
import { EndingPayloads, endingActions } from './actions/ending';
import { FinalReviewPayloads, finalReviewActions } from './actions/final-review';
import { ImplementationPayloads, implementationActions } from './actions/implementation';
import { IssuancePayloads, issuanceActions } from './actions/issuance';
import { SurveyPayloads, surveyActions } from './actions/survey';
import { WorkPlanPayloads, workPlanActions } from './actions/work-plans';
import { isTerminal } from './phase';
import { enterPhase } from './phase-transitions';
import type { ProgrammeEffect } from './programme-effect';
import { ProgrammeSetup, ProgrammeState } from './programme-state';
import type { TemplateInUse } from './deadline-counting';
import { invalid, Refusal, wrongPhase } from './refusal';

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
  'addWorkPlan',
  'addPlanItem',
  'changePlanItem',
  'closePlanItem',
  'setNextYearKeyTasks',
  'submitFinalReport',
  'evaluate',
  'commend',
  'recordLessons',
  'closeProgramme',
  'cancel',
  'supersede',
  'commendAtReview',
] as const;
export type ProgrammeActionName = (typeof PROGRAMME_ACTIONS)[number];

/** Each action's payload, by name; each phase's module defines its own actions'. */
export interface ActionPayloads
  extends
    SurveyPayloads,
    DraftingPayloads,
    ConsultationPayloads,
    ApprovalPayloads,
    IssuancePayloads,
    DisseminationPayloads,
    ImplementationPayloads,
    WorkPlanPayloads,
    FinalReviewPayloads,
    EndingPayloads,
    CommendationPayloads {}

export type ProgrammeAction = {
  [K in ProgrammeActionName]: { name: K; payload: ActionPayloads[K] };
}[ProgrammeActionName];

/** The rule of every action, by name: leaving one out is a type error. */
const RULES: { [K in ProgrammeActionName]: ActionRule<ActionPayloads[K]> } = {
  ...surveyActions,
  ...draftingActions,
  ...consultationActions,
  ...approvalActions,
  ...issuanceActions,
  ...disseminationActions,
  ...implementationActions,
  ...workPlanActions,
  ...finalReviewActions,
  ...endingActions,
  ...commendationActions,
};

const ruleOf = (name: string) => entryFor<ActionRule<unknown>>(PROGRAMME_ACTIONS, RULES, name);

export function initialState(setup: ProgrammeSetup, template: TemplateInUse, now: Date): ProgrammeState {
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

/** Pure, no mutation: the first reason to refuse the action, or null. */
export function validateAction(s: ProgrammeState, actor: Actor, action: ProgrammeAction, now: Date): Refusal | null {
  if (isTerminal(s.phase)) return wrongPhase(`the programme is ${s.phase} and accepts no more actions`);
  const p = action.payload as Record<string, unknown>;
  if (typeof p !== 'object' || p === null) return invalid('payload must be an object');
  const rule = ruleOf(action.name);
  if (!rule) return invalid(`unknown action ${(action as { name: string }).name}`);
  return refusalOf(rule.permits(s, actor, now), () => rule.validate(s, actor, action.payload, now));
}

/**
 * The actions `actor` may take on the programme now, each with what its form starts with and may choose
 * from: exactly those whose `permits` passes and that have a subject to name (`subjects`), so a
 * well-formed payload could pass `validateAction`.
 */
export function availableProgrammeActions(
  s: ProgrammeState,
  actor: Actor,
  now: Date,
): AvailableAction<ProgrammeActionName>[] {
  if (isTerminal(s.phase)) return [];
  const rule = (name: ProgrammeActionName) => RULES[name] as ActionRule<unknown>;
  return PROGRAMME_ACTIONS.filter(
    (name) => (rule(name).permits(s, actor, now) ?? rule(name).subjects?.(s, actor, now) ?? null) === null,
  ).map((name) => availableAction(name, rule(name).form?.(s, actor, now)));
}

/** Mutates the state; call only after validateAction returned null. Returns what to record and tell. */
export function applyAction(
  s: ProgrammeState,
  t: TemplateInUse,
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
  const effects = ruleOf(action.name)?.apply({ s, t, actor, now, at, by, audit }, action.payload) ?? [];
  rememberRequestId(s, requestId);
  s.version += 1;
  return effects;
}

/** Remembers a programme's applied request id (bounded). */
export const rememberRequest: (s: ProgrammeState, requestId: string) => void = rememberRequestId;
