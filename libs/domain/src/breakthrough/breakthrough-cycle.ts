import { entryFor } from '../common/action-table';
import { rememberRequestId } from '../common/applied-requests';
import { ActionForm, availableAction, AvailableAction, Choice, refusalOf } from '../common/available-action';
import { text } from '../common/checks';
import { MAX_STATEMENT_LENGTH, MAX_TASK_TITLE_LENGTH } from '../limits';
import { Actor, hasRole } from '../org/actor';
import { Role } from '../org/roles';
import { forbidden, invalid, Refusal, wrongPhase } from '../programme/refusal';
import type { TaskSetup } from '../task/task-state';
import { closeAppraisal, closeRegistration } from './breakthrough-deadlines';
import { checkContentGroup } from './breakthrough-figures';
import {
  AppraisalDecision,
  BreakthroughEffect,
  BreakthroughPhase,
  BreakthroughState,
  breakthroughTaskId,
  Registration,
} from './breakthrough-state';

/** The staff actions on a breakthrough cycle: registering, revising, appraising, closing the windows early. */
export const BREAKTHROUGH_ACTIONS = ['register', 'revise', 'appraise', 'closeRegistration', 'closeAppraisal'] as const;
export type BreakthroughActionName = (typeof BREAKTHROUGH_ACTIONS)[number];

export interface BreakthroughPayloads {
  /** `contentGroup`: required when the cycle has content groups, one of their codes. */
  register: { kind: 'UNIT' | 'HEAD'; title: string; expectedResult: string; measure: string; contentGroup?: string };
  /** Without `contentGroup` the registration keeps its group. */
  revise: { no: number; title: string; expectedResult: string; measure: string; contentGroup?: string };
  appraise: { no: number; decision: AppraisalDecision; comments: string };
  closeRegistration: Record<string, never>;
  closeAppraisal: Record<string, never>;
}

export type BreakthroughAction = {
  [K in BreakthroughActionName]: { name: K; payload: BreakthroughPayloads[K] };
}[BreakthroughActionName];

interface ApplyContext {
  s: BreakthroughState;
  actor: Actor;
  at: string;
  by: string;
  /** Tasks to start: one per approved registration. */
  tasks: TaskSetup[];
}

interface BreakthroughRule<P> {
  /**
   * Pure, payload-free: the phase and person conditions (FORBIDDEN / WRONG_PHASE), or null when some
   * well-formed payload could pass for this actor now. Checked before `validate`; alone it decides which
   * actions a person is offered (`availableCycleActions`).
   */
  permits(s: BreakthroughState, actor: Actor): Refusal | null;
  /** For an action naming a registration: null when there is one it could name now (the offer only asks it). */
  subjects?(s: BreakthroughState, actor: Actor): Refusal | null;
  /** What the action's form starts with and may choose from, when `permits` returned null. */
  form?(s: BreakthroughState, actor: Actor): ActionForm;
  /** Pure, no mutation, only after `permits` returned null: the first reason to refuse this payload, or null. */
  validate(s: BreakthroughState, actor: Actor, payload: P): Refusal | null;
  /** Mutates the state; only after `validate` returned null. */
  apply(c: ApplyContext, payload: P): BreakthroughEffect[];
}

const isAppraiser = (s: BreakthroughState, a: Actor) => s.setup.appraiserIds.includes(a.personId);

const inPhase = (s: BreakthroughState, phase: BreakthroughPhase, what: string) =>
  s.phase === phase ? null : wrongPhase(`${what} is possible in ${phase}, but the cycle is in ${s.phase}`);

function registration(s: BreakthroughState, no: unknown): Registration | Refusal {
  if (typeof no !== 'number' || !Number.isInteger(no)) return invalid('no must be a registration number');
  return s.registrations.find((r) => r.no === no) ?? { kind: 'NOT_FOUND', reason: `no registration number ${no}` };
}

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'reason' in v && !('no' in v);

/** A registration its registrant may revise now. */
const revising = (r: Registration, actor: Actor): Refusal | null =>
  r.registrantId !== actor.personId
    ? forbidden('only the registrant revises a registration')
    : r.status !== 'REVISION_REQUESTED'
      ? wrongPhase(`registration ${r.no} is ${r.status}, not waiting for a revision`)
      : null;

/** A registration waiting for the Standing Committee's decision. */
const appraisable = (r: Registration): Refusal | null =>
  r.status === 'REGISTERED' ? null : wrongPhase(`registration ${r.no} is ${r.status}`);

/** Null when some registration passes `check`; else why one of theirs is not open, else that none is theirs. */
function someRegistration(s: BreakthroughState, check: (r: Registration) => Refusal | null, none: string) {
  const refusals = s.registrations.map(check);
  if (refusals.some((r) => r === null)) return null;
  return refusals.find((r) => r?.kind !== 'FORBIDDEN') ?? refusals[0] ?? wrongPhase(none);
}

const registrationChoices = (list: Registration[]): Choice[] =>
  list.map((r) => ({ value: r.no, label: `${r.no}. ${r.title}` }));

const KIND_CHOICES: Choice[] = [
  { value: 'UNIT', label: 'Đơn vị đăng ký' },
  { value: 'HEAD', label: 'Người đứng đầu đăng ký' },
];

const DECISION_CHOICES: Choice[] = [
  { value: 'APPROVE', label: 'Thông qua' },
  { value: 'REVISE', label: 'Yêu cầu chỉnh sửa' },
  { value: 'REJECT', label: 'Không thông qua' },
];

/** What a registration proposes: its title becomes the task's. */
const proposal = (q: { title: string; expectedResult: string; measure: string }) =>
  text(q.title, 'title', MAX_TASK_TITLE_LENGTH) ??
  text(q.expectedResult, 'expectedResult', MAX_STATEMENT_LENGTH) ??
  text(q.measure, 'measure', MAX_STATEMENT_LENGTH);

function taskSetupFor(s: BreakthroughState, r: Registration, assignerId: string): TaskSetup {
  return {
    taskId: r.taskId as string,
    programmeId: null,
    code: `BT-${r.no}`,
    title: r.title,
    source: 'BREAKTHROUGH',
    responsibleUnitId: r.unitId,
    responsiblePersonId: r.registrantId,
    coordinatingUnitIds: [],
    assignerId,
    memberInChargeId: s.setup.memberInChargeId,
    fieldGroup: s.setup.fieldGroup,
    issuingUnitId: s.unitId ?? s.setup.unitId,
    isBreakthrough: true,
    dueAt: s.setup.yearEndsAt,
    reminderOffsets: [...s.setup.taskReminderOffsets],
    escalationOffsets: [...s.setup.taskEscalationOffsets],
  };
}

/** The rule of every action, by name: leaving one out is a type error. */
const RULES: { [K in BreakthroughActionName]: BreakthroughRule<BreakthroughPayloads[K]> } = {
  register: {
    permits: (s, actor) =>
      inPhase(s, BreakthroughPhase.REGISTRATION, 'registering') ??
      (hasRole(actor, Role.HEAD) ? null : forbidden('a unit registers through its head, and heads register in person')),
    form: (s) => ({
      prefill: { kind: 'UNIT' },
      choices: {
        kind: KIND_CHOICES,
        ...(s.setup.contentGroups?.length
          ? { contentGroup: s.setup.contentGroups.map((g) => ({ value: g.code, label: g.title })) }
          : {}),
      },
    }),
    validate: (s, _actor, q) =>
      (q.kind === 'UNIT' || q.kind === 'HEAD' ? null : invalid('kind must be UNIT or HEAD')) ??
      proposal(q) ??
      checkContentGroup(s, q.contentGroup),
    apply: ({ s, actor, at, by }, q) => {
      const no = s.registrations.length + 1;
      s.registrations.push({
        no,
        kind: q.kind,
        registrantId: by,
        unitId: actor.unitId,
        title: q.title,
        expectedResult: q.expectedResult,
        measure: q.measure,
        ...(q.contentGroup ? { contentGroup: q.contentGroup } : {}),
        registeredAt: at,
        status: 'REGISTERED',
        revisions: 0,
        appraisals: [],
        taskId: null,
        result: null,
      });
      return [
        {
          type: 'audit',
          action: 'register',
          actorId: by,
          after: {
            no,
            kind: q.kind,
            unitId: actor.unitId,
            title: q.title,
            ...(q.contentGroup ? { contentGroup: q.contentGroup } : {}),
          },
        },
      ];
    },
  },

  revise: {
    permits: (s) => inPhase(s, BreakthroughPhase.APPRAISAL, 'revising'),
    subjects: (s, actor) => someRegistration(s, (r) => revising(r, actor), 'no registration is waiting for a revision'),
    // The first registration asked to be revised, as it stands.
    form: (s, actor) => {
      const mine = s.registrations.filter((r) => revising(r, actor) === null);
      const { no, title, expectedResult, measure } = mine[0];
      return { prefill: { no, title, expectedResult, measure }, choices: { no: registrationChoices(mine) } };
    },
    validate: (s, actor, p) => {
      const r = registration(s, p.no);
      if (isRefusal(r)) return r;
      return (
        revising(r, actor) ??
        proposal(p) ??
        (p.contentGroup === undefined ? null : checkContentGroup(s, p.contentGroup))
      );
    },
    apply: ({ s, by }, p) => {
      const r = s.registrations.find((x) => x.no === p.no)!;
      Object.assign(r, {
        title: p.title,
        expectedResult: p.expectedResult,
        measure: p.measure,
        ...(p.contentGroup ? { contentGroup: p.contentGroup } : {}),
        status: 'REGISTERED',
        revisions: r.revisions + 1,
      });
      return [{ type: 'audit', action: 'revise', actorId: by, after: { no: r.no, revisions: r.revisions } }];
    },
  },

  appraise: {
    permits: (s, actor) =>
      (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee appraises registrations')) ??
      inPhase(s, BreakthroughPhase.APPRAISAL, 'appraising'),
    subjects: (s) => someRegistration(s, appraisable, 'no registration is waiting for appraisal'),
    form: (s) => {
      const waiting = s.registrations.filter((r) => appraisable(r) === null);
      return {
        prefill: { no: waiting[0].no },
        choices: { no: registrationChoices(waiting), decision: DECISION_CHOICES },
      };
    },
    validate: (s, _actor, p) => {
      const r = registration(s, p.no);
      if (isRefusal(r)) return r;
      const bad = appraisable(r);
      if (bad) return bad;
      if (!['APPROVE', 'REVISE', 'REJECT'].includes(p.decision))
        return invalid('decision must be APPROVE, REVISE or REJECT');
      return p.decision === 'APPROVE' ? null : text(p.comments, 'comments', MAX_STATEMENT_LENGTH);
    },
    apply: ({ s, at, by, tasks }, p) => {
      const r = s.registrations.find((x) => x.no === p.no)!;
      const { decision, comments } = p;
      r.appraisals.push({ by, at, decision, comments: comments ?? '' });
      const effects: BreakthroughEffect[] = [
        { type: 'audit', action: 'appraise', actorId: by, after: { no: r.no, decision, comments: comments ?? '' } },
      ];
      if (decision === 'APPROVE') {
        r.status = 'APPROVED';
        r.taskId = breakthroughTaskId(s.setup.unitId, s.setup.year, r.no);
        tasks.push(taskSetupFor(s, r, by));
      } else if (decision === 'REVISE') {
        r.status = 'REVISION_REQUESTED';
        effects.push({
          type: 'notify',
          kind: 'DEADLINE_REMINDER',
          recipientIds: [r.registrantId],
          params: {
            title: r.title,
            step: 'APPRAISAL',
            what: `revise the registration: ${comments}`,
            deadline: s.setup.appraisalDeadline,
          },
        });
      } else {
        r.status = 'REJECTED';
      }
      return effects;
    },
  },

  closeRegistration: {
    validate: () => null,
    permits: (s, actor) =>
      (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee closes registration')) ??
      inPhase(s, BreakthroughPhase.REGISTRATION, 'closing registration'),
    apply: ({ s, by }) => closeRegistration(s, by),
  },

  closeAppraisal: {
    validate: () => null,
    permits: (s, actor) => {
      const bad =
        (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee closes appraisal')) ??
        inPhase(s, BreakthroughPhase.APPRAISAL, 'closing appraisal');
      if (bad) return bad;
      const pending = s.registrations.filter(
        (r) => r.status === 'REGISTERED' || r.status === 'REVISION_REQUESTED',
      ).length;
      return pending
        ? wrongPhase(
            `${pending} registrations are still waiting for appraisal or revision; they close by themselves at the deadline`,
          )
        : null;
    },
    apply: ({ s, by }) => closeAppraisal(s, by),
  },
};

const ruleOf = (name: string) => entryFor<BreakthroughRule<unknown>>(BREAKTHROUGH_ACTIONS, RULES, name);

export function validateBreakthroughAction(
  s: BreakthroughState,
  actor: Actor,
  action: BreakthroughAction,
): Refusal | null {
  if (s.phase === BreakthroughPhase.CLOSED) return wrongPhase('the cycle is closed');
  const p = action.payload as unknown;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return invalid('payload must be an object');
  const rule = ruleOf(action.name);
  if (!rule) return invalid(`unknown action ${(action as { name: string }).name}`);
  return refusalOf(rule.permits(s, actor), () => rule.validate(s, actor, action.payload));
}

/** The actions `actor` may take on the cycle now (those whose `permits` passes), with what each form needs. */
export function availableCycleActions(s: BreakthroughState, actor: Actor): AvailableAction<BreakthroughActionName>[] {
  if (s.phase === BreakthroughPhase.CLOSED) return [];
  const rule = (name: BreakthroughActionName) => RULES[name] as BreakthroughRule<unknown>;
  return BREAKTHROUGH_ACTIONS.filter(
    (name) => (rule(name).permits(s, actor) ?? rule(name).subjects?.(s, actor) ?? null) === null,
  ).map((name) => availableAction(name, rule(name).form?.(s, actor)));
}

/** Applies a validated action. Returns effects and the tasks to start (approved registrations). */
export function applyBreakthroughAction(
  s: BreakthroughState,
  actor: Actor,
  action: BreakthroughAction,
  now: Date,
  requestId: string,
): { effects: BreakthroughEffect[]; tasks: TaskSetup[] } {
  const tasks: TaskSetup[] = [];
  const effects =
    ruleOf(action.name)?.apply({ s, actor, at: now.toISOString(), by: actor.personId, tasks }, action.payload) ?? [];
  rememberRequestId(s, requestId);
  s.version += 1;
  return { effects, tasks };
}
