import { entryFor } from '../common/action-table';
import { rememberRequestId } from '../common/applied-requests';
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
  /** Pure, no mutation: the first reason to refuse, or null. */
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
    validate: (s, actor, q) =>
      inPhase(s, BreakthroughPhase.REGISTRATION, 'registering') ??
      (hasRole(actor, Role.HEAD)
        ? null
        : forbidden('a unit registers through its head, and heads register in person')) ??
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
    validate: (s, actor, p) => {
      const r = registration(s, p.no);
      if (isRefusal(r)) return r;
      if (r.registrantId !== actor.personId) return forbidden('only the registrant revises a registration');
      if (r.status !== 'REVISION_REQUESTED')
        return wrongPhase(`registration ${r.no} is ${r.status}, not waiting for a revision`);
      return (
        inPhase(s, BreakthroughPhase.APPRAISAL, 'revising') ??
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
    validate: (s, actor, p) => {
      const bad =
        (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee appraises registrations')) ??
        inPhase(s, BreakthroughPhase.APPRAISAL, 'appraising');
      if (bad) return bad;
      const r = registration(s, p.no);
      if (isRefusal(r)) return r;
      if (r.status !== 'REGISTERED') return wrongPhase(`registration ${r.no} is ${r.status}`);
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
    validate: (s, actor) =>
      (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee closes registration')) ??
      inPhase(s, BreakthroughPhase.REGISTRATION, 'closing registration'),
    apply: ({ s, by }) => closeRegistration(s, by),
  },

  closeAppraisal: {
    validate: (s, actor) => {
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
  return rule.validate(s, actor, action.payload);
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
