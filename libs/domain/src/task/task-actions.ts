import { Actor, hasRole } from '../org/actor';
import { Role } from '../org/roles';
import { MAX_REMEMBERED_REQUEST_IDS } from '../programme/programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from '../programme/refusal';
import { WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_WORKING_CALENDAR, dueInWorkingDays } from './task-schedule';
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

export interface TaskActionPayloads {
  accept: Record<string, never>;
  reportProgress: { percent: number; text: string; evidenceRefs?: string[] };
  /** Either a new due date-time, or a number of working days added to the current due date. */
  requestExtension: { newDueAt?: string; extendByWorkingDays?: number; reason: string };
  decideExtension: { approve: boolean; reason: string };
  submitResult: { text: string; evidenceRefs?: string[] };
  verify: Record<string, never>;
  returnTask: { reasons: string };
  reassign: { toPersonId: string; toUnitId?: string; reason: string };
  cancel: { reason: string };
}

export type TaskAction = { [K in TaskActionName]: { name: K; payload: TaskActionPayloads[K] } }[TaskActionName];

/** Audit rows go to the task's history; notifications name people, or units whose head is told. */
export type TaskEffect =
  | {
      type: 'audit';
      action: string;
      actorId: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }
  | {
      type: 'notify';
      kind: string;
      recipientIds: string[];
      headOfUnitIds?: string[];
      params: Record<string, string | number | null>;
    };

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

/** The effects of a task being assigned: its first history row and the assignee's notice. */
export function assignmentEffects(s: TaskState): TaskEffect[] {
  return [
    {
      type: 'audit',
      action: 'assigned',
      actorId: s.setup.assignerId,
      before: null,
      after: { responsiblePersonId: s.responsiblePersonId, responsibleUnitId: s.responsibleUnitId, dueAt: s.dueAt },
    },
    { type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: [s.responsiblePersonId], params: taskParams(s) },
  ];
}

export function taskParams(s: TaskState): Record<string, string | number | null> {
  return { taskId: s.setup.taskId, code: s.setup.code, title: s.setup.title, dueAt: s.dueAt };
}

// ---------------------------------------------------------------------------------------------
// Who may do what

const isResponsible = (s: TaskState, a: Actor) => a.personId === s.responsiblePersonId;
const isAssigner = (s: TaskState, a: Actor) => a.personId === s.setup.assignerId;
const isMemberInCharge = (s: TaskState, a: Actor) =>
  s.setup.memberInChargeId !== null && a.personId === s.setup.memberInChargeId;
const isReviewer = (s: TaskState, a: Actor) => isAssigner(s, a) || isMemberInCharge(s, a);
/** Reassignment (e.g. when cadres rotate): the reviewers, the Standing Committee, or the head of the issuing or responsible unit. */
const mayReassign = (s: TaskState, a: Actor) =>
  isReviewer(s, a) ||
  hasRole(a, Role.STANDING_COMMITTEE) ||
  (hasRole(a, Role.HEAD) && (a.unitId === s.setup.issuingUnitId || a.unitId === s.responsibleUnitId));

const WORKING: readonly TaskStatus[] = [TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED];

// ---------------------------------------------------------------------------------------------
// Validation: pure, no mutation. The first reason to refuse, or null.

const MAX_TEXT = 20_000;
const MAX_EXTENSION_WORKING_DAYS = 750;

function text(value: unknown, field: string, max = MAX_TEXT): Refusal | null {
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${field} must not be empty`);
  if (value.length > max) return invalid(`${field} is longer than ${max} characters`);
  return null;
}

function evidence(value: unknown): Refusal | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '' || v.length > 200))
    return invalid('evidenceRefs must be a list of references such as a document number (at most 200 characters each)');
  if (value.length > 50) return invalid('evidenceRefs has more than 50 entries');
  return null;
}

function requireStatus(s: TaskState, action: string, statuses: readonly TaskStatus[]): Refusal | null {
  if (statuses.includes(s.status)) return null;
  return wrongPhase(`${action} is possible when the task is ${statuses.join(' or ')}, but it is ${s.status}`);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The due date an extension request asks for, or a refusal. */
export function requestedDueAt(
  s: TaskState,
  p: TaskActionPayloads['requestExtension'],
  now: Date,
  cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): Date | Refusal {
  const hasDate = p.newDueAt !== undefined;
  const hasDays = p.extendByWorkingDays !== undefined;
  if (hasDate === hasDays) return invalid('give either newDueAt or extendByWorkingDays');
  let due: Date;
  if (hasDate) {
    if (typeof p.newDueAt !== 'string' || !DATE_TIME.test(p.newDueAt) || Number.isNaN(Date.parse(p.newDueAt)))
      return invalid('newDueAt must be a date-time such as 2026-03-31T17:00:00+07:00');
    const day = p.newDueAt.slice(0, 10);
    if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
      return invalid(`newDueAt ${p.newDueAt} is not a real date`);
    due = new Date(p.newDueAt);
  } else {
    const n = p.extendByWorkingDays;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_WORKING_DAYS)
      return invalid(`extendByWorkingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`);
    due = dueInWorkingDays(new Date(s.dueAt), n, cal);
  }
  if (due.getTime() <= Date.parse(s.dueAt))
    return invalid(`the new due date must be later than the current one (${s.dueAt})`);
  if (due.getTime() <= now.getTime()) return invalid('the new due date must be in the future');
  return due;
}

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'kind' in v && 'reason' in v;

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
  const onlyResponsible = isResponsible(s, actor)
    ? null
    : forbidden('only the person responsible for the task acts on it');
  switch (action.name) {
    case 'accept':
      return onlyResponsible ?? requireStatus(s, 'accepting', [TaskStatus.ASSIGNED]);
    case 'reportProgress': {
      const bad = onlyResponsible ?? requireStatus(s, 'reporting progress', WORKING);
      if (bad) return bad;
      const { percent } = action.payload;
      if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 0 || percent > 100)
        return invalid('percent must be a whole number from 0 to 100');
      return text(action.payload.text, 'text') ?? evidence(action.payload.evidenceRefs);
    }
    case 'requestExtension': {
      const bad =
        onlyResponsible ??
        requireStatus(s, 'requesting an extension', [TaskStatus.ASSIGNED, ...WORKING]) ??
        (pendingExtension(s) ? wrongPhase('an extension request is already waiting for a decision') : null) ??
        text(action.payload.reason, 'reason', 2000);
      if (bad) return bad;
      const due = requestedDueAt(s, action.payload, now, cal);
      return isRefusal(due) ? due : null;
    }
    case 'decideExtension': {
      if (!isAssigner(s, actor)) return forbidden('only the person who assigned the task decides on an extension');
      if (!pendingExtension(s)) return wrongPhase('no extension request is waiting for a decision');
      if (typeof action.payload.approve !== 'boolean') return invalid('approve must be true or false');
      return text(action.payload.reason, 'reason', 2000);
    }
    case 'submitResult':
      return (
        onlyResponsible ??
        requireStatus(s, 'submitting the result', WORKING) ??
        text(action.payload.text, 'text') ??
        evidence(action.payload.evidenceRefs)
      );
    case 'verify':
      return (
        (isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge verifies the result')) ??
        requireStatus(s, 'verifying', [TaskStatus.SUBMITTED])
      );
    case 'returnTask':
      return (
        (isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge returns the result')) ??
        requireStatus(s, 'returning', [TaskStatus.SUBMITTED]) ??
        text(action.payload.reasons, 'reasons', 5000)
      );
    case 'reassign': {
      const bad =
        (mayReassign(s, actor)
          ? null
          : forbidden(
              'only the assigner, the member in charge, the Standing Committee or the unit head reassigns a task',
            )) ??
        requireStatus(s, 'reassigning', [TaskStatus.ASSIGNED, ...WORKING]) ??
        text(action.payload.toPersonId, 'toPersonId', 100) ??
        (action.payload.toUnitId !== undefined ? text(action.payload.toUnitId, 'toUnitId', 100) : null) ??
        text(action.payload.reason, 'reason', 2000);
      if (bad) return bad;
      if (action.payload.toPersonId === s.responsiblePersonId)
        return invalid('the task is already assigned to that person');
      return null;
    }
    case 'cancel':
      return (
        (isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge cancels a task')) ??
        text(action.payload.reason, 'reason', 2000)
      );
    default:
      return invalid(`unknown action ${(action as { name: string }).name}`);
  }
}

export function pendingExtension(s: TaskState) {
  const last = s.extensions[s.extensions.length - 1];
  return last && last.decision === null ? last : null;
}

// ---------------------------------------------------------------------------------------------
// Applying: only after validation passed. Mutates the state, returns what to record and tell.

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
  const effects: TaskEffect[] = [];
  switch (action.name) {
    case 'accept':
      s.status = TaskStatus.ACCEPTED;
      s.acceptedAt = at;
      effects.push(audit({}));
      break;
    case 'reportProgress': {
      const q = action.payload;
      s.progress.push({ by, at, percent: q.percent, text: q.text, evidenceRefs: q.evidenceRefs ?? [] });
      const was = s.progressPercent;
      s.progressPercent = q.percent;
      s.status = TaskStatus.IN_PROGRESS;
      effects.push(
        audit({ percent: q.percent, evidenceRefs: q.evidenceRefs ?? [] }, { status: before.status, percent: was }),
      );
      break;
    }
    case 'requestExtension': {
      const due = requestedDueAt(s, action.payload, now, cal) as Date;
      s.extensions.push({
        by,
        at,
        fromDueAt: s.dueAt,
        newDueAt: due.toISOString(),
        reason: action.payload.reason,
        decision: null,
      });
      effects.push(audit({ newDueAt: due.toISOString(), reason: action.payload.reason }, { dueAt: s.dueAt }));
      effects.push(
        notify('EXTENSION_REQUESTED', [s.setup.assignerId], {
          newDueAt: due.toISOString(),
          reason: action.payload.reason,
        }),
      );
      break;
    }
    case 'decideExtension': {
      const ext = pendingExtension(s)!;
      ext.decision = { approve: action.payload.approve, reason: action.payload.reason, by, at };
      const was = s.dueAt;
      if (action.payload.approve) {
        s.dueAt = ext.newDueAt;
        s.dueSetAt = at;
        s.dueSeq += 1;
      }
      effects.push(
        audit({ approve: action.payload.approve, dueAt: s.dueAt, reason: action.payload.reason }, { dueAt: was }),
      );
      effects.push(
        notify('EXTENSION_DECIDED', [s.responsiblePersonId], {
          approve: action.payload.approve ? 'yes' : 'no',
          reason: action.payload.reason,
        }),
      );
      break;
    }
    case 'submitResult':
      s.submissions.push({ by, at, text: action.payload.text, evidenceRefs: action.payload.evidenceRefs ?? [] });
      s.status = TaskStatus.SUBMITTED;
      s.submittedAt = at;
      s.progressPercent = 100;
      effects.push(audit({ evidenceRefs: action.payload.evidenceRefs ?? [] }));
      break;
    case 'verify':
      s.status = TaskStatus.DONE;
      s.doneAt = at;
      s.verifiedBy = by;
      effects.push(audit({ doneAt: at, onTime: now.getTime() <= Date.parse(s.dueAt) }));
      break;
    case 'returnTask':
      s.returns.push({ by, at, reasons: action.payload.reasons });
      s.status = TaskStatus.RETURNED;
      s.submittedAt = null;
      effects.push(audit({ reasons: action.payload.reasons }));
      effects.push(notify('TASK_RETURNED', [s.responsiblePersonId], { reasons: action.payload.reasons }));
      break;
    case 'reassign': {
      const q = action.payload;
      const from = { personId: s.responsiblePersonId, unitId: s.responsibleUnitId };
      const toUnitId = q.toUnitId ?? s.responsibleUnitId;
      s.reassignments.push({
        by,
        at,
        fromPersonId: from.personId,
        fromUnitId: from.unitId,
        toPersonId: q.toPersonId,
        toUnitId,
        reason: q.reason,
      });
      s.responsiblePersonId = q.toPersonId;
      s.responsibleUnitId = toUnitId;
      // The new person accepts the task afresh; the progress so far stays with it.
      s.status = TaskStatus.ASSIGNED;
      s.acceptedAt = null;
      effects.push(
        audit(
          { responsiblePersonId: q.toPersonId, responsibleUnitId: toUnitId, reason: q.reason },
          { status: before.status, responsiblePersonId: from.personId, responsibleUnitId: from.unitId },
        ),
      );
      effects.push(notify('TASK_ASSIGNED', [q.toPersonId], { reason: q.reason }));
      break;
    }
    case 'cancel':
      s.status = TaskStatus.CANCELLED;
      s.cancelledAt = at;
      s.endReason = action.payload.reason;
      effects.push(audit({ reason: action.payload.reason }));
      break;
  }
  rememberTaskRequest(s, requestId);
  s.version += 1;
  return effects.filter((e) => e.type === 'audit' || e.recipientIds.length > 0);
}

function rememberTaskRequest(s: TaskState, requestId: string): void {
  s.appliedRequestIds.push(requestId);
  if (s.appliedRequestIds.length > MAX_REMEMBERED_REQUEST_IDS)
    s.appliedRequestIds.splice(0, s.appliedRequestIds.length - MAX_REMEMBERED_REQUEST_IDS);
}

/** What a due timer does: remind the responsible person, or escalate to the unit head, then the member in charge. */
export function timerEffects(s: TaskState, kind: 'REMINDER' | 'ESCALATION', level: number): TaskEffect[] {
  if (kind === 'REMINDER')
    return [
      {
        type: 'notify',
        kind: 'TASK_DUE_REMINDER',
        recipientIds: [s.responsiblePersonId],
        params: { ...taskParams(s), level },
      },
    ];
  const toUnitHead = level === 1;
  const escalation: TaskEffect = toUnitHead
    ? {
        type: 'notify',
        kind: 'TASK_OVERDUE_ESCALATION',
        recipientIds: [],
        headOfUnitIds: [s.responsibleUnitId],
        params: { ...taskParams(s), level, responsiblePersonId: s.responsiblePersonId },
      }
    : {
        type: 'notify',
        kind: 'TASK_OVERDUE_ESCALATION',
        recipientIds: [s.setup.memberInChargeId ?? s.setup.assignerId],
        params: { ...taskParams(s), level, responsiblePersonId: s.responsiblePersonId },
      };
  return [
    {
      type: 'audit',
      action: 'overdue.escalated',
      actorId: null,
      before: null,
      after: { level, to: toUnitHead ? 'UNIT_HEAD' : 'MEMBER_IN_CHARGE', status: s.status },
    },
    escalation,
  ];
}
