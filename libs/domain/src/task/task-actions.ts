import { entryFor } from '../common/action-table';
import { rememberRequestId } from '../common/applied-requests';
import { availableAction, AvailableAction, refusalOf } from '../common/available-action';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Actor } from '../org/actor';
import { invalid, Refusal, wrongPhase } from '../programme/refusal';
import { AssignmentPayloads, assignmentActions } from './actions/assignment';
import { ExtensionPayloads, extensionActions } from './actions/extension';
import { ReviewPayloads, reviewActions } from './actions/review';
import type { TaskActionRule } from './actions/task-action-rule';
import { WorkPayloads, workActions } from './actions/work';
import { TaskEffect, taskParams } from './task-effects';
import { DEFAULT_WORKING_CALENDAR } from './task-schedule';
import { isTaskClosed, TaskSetup, TaskState, TaskStatus } from './task-state';

/** Every staff action on a task, by name. Each is one Temporal update of the task workflow. */
export const TASK_ACTIONS = [
  'accept',
  'reportProgress',
  'requestExtension',
  'decideExtension',
  'submitResult',
  'verify',
  'returnTask',
  'reassign',
  'cancel',
] as const;
export type TaskActionName = (typeof TASK_ACTIONS)[number];

export interface TaskActionPayloads extends WorkPayloads, ExtensionPayloads, ReviewPayloads, AssignmentPayloads {}

export type TaskAction = { [K in TaskActionName]: { name: K; payload: TaskActionPayloads[K] } }[TaskActionName];

/** The rule of every action, by name: leaving one out is a type error. */
const RULES: { [K in TaskActionName]: TaskActionRule<TaskActionPayloads[K]> } = {
  ...workActions,
  ...extensionActions,
  ...reviewActions,
  ...assignmentActions,
};

const ruleOf = (name: string) => entryFor<TaskActionRule<unknown>>(TASK_ACTIONS, RULES, name);

export function initialTaskState(setup: TaskSetup, now: Date): TaskState {
  return {
    setup,
    status: TaskStatus.ASSIGNED,
    responsibleUnitId: setup.responsibleUnitId,
    responsiblePersonId: setup.responsiblePersonId,
    dueAt: new Date(setup.dueAt).toISOString(),
    dueSetAt: now.toISOString(),
    dueSeq: 0,
    progressPercent: 0,
    progress: [],
    extensions: [],
    submissions: [],
    returns: [],
    reassignments: [],
    acceptedAt: null,
    submittedAt: null,
    doneAt: null,
    verifiedBy: null,
    cancelledAt: null,
    endReason: null,
    appliedRequestIds: [],
    version: 0,
  };
}

/** Pure, no mutation: the first reason to refuse the action, or null. */
export function validateTaskAction(
  s: TaskState,
  actor: Actor,
  action: TaskAction,
  now: Date,
  cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): Refusal | null {
  if (isTaskClosed(s.status)) return wrongPhase(`the task is ${s.status} and accepts no more actions`);
  const p = action.payload as unknown;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return invalid('payload must be an object');
  const rule = ruleOf(action.name);
  if (!rule) return invalid(`unknown action ${(action as { name: string }).name}`);
  return refusalOf(rule.permits(s, actor, now), () => rule.validate(s, actor, action.payload, now, cal));
}

/** The actions `actor` may take on the task now (those whose `permits` passes), with what each form needs. */
export function availableTaskActions(s: TaskState, actor: Actor, now: Date): AvailableAction<TaskActionName>[] {
  if (isTaskClosed(s.status)) return [];
  return TASK_ACTIONS.filter((name) => RULES[name].permits(s, actor, now) === null).map((name) =>
    availableAction(name, RULES[name].form?.(s, actor, now)),
  );
}

/** Applying: only after validation passed. Mutates the state, returns what to record and tell. */
export function applyTaskAction(
  s: TaskState,
  actor: Actor,
  action: TaskAction,
  now: Date,
  requestId: string,
  cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): TaskEffect[] {
  const at = now.toISOString();
  const by = actor.personId;
  const before = { status: s.status };
  const audit = (after: Record<string, unknown>, b: Record<string, unknown> | null = before): TaskEffect => ({
    type: 'audit',
    action: action.name,
    actorId: by,
    before: b,
    after: { status: s.status, ...after },
  });
  const notify = (
    kind: string,
    recipientIds: Array<string | null>,
    extra: Record<string, string | number | null> = {},
  ): TaskEffect => ({
    type: 'notify',
    kind,
    recipientIds: [...new Set(recipientIds.filter((r): r is string => !!r && r !== by))],
    params: { ...taskParams(s), ...extra },
  });
  const effects =
    ruleOf(action.name)?.apply({ s, actor, now, cal, at, by, before, audit, notify }, action.payload) ?? [];
  rememberRequestId(s, requestId);
  s.version += 1;
  return effects.filter((e) => e.type === 'audit' || e.recipientIds.length > 0);
}
