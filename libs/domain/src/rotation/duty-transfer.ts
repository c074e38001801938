/**
 * Which open duties a person holds in a programme, a task or a breakthrough cycle, and moving them
 * to a successor: the pure rules behind each workflow's `transferDuties` update. The listing and the
 * workflows use the same functions, so what is listed is exactly what a transfer moves.
 */
import { rememberRequestId } from '../common/applied-requests';
import { text } from '../common/checks';
import type { NotifyEffect } from '../common/effects';
import { MAX_ID_LENGTH, MAX_REASON_LENGTH, MAX_REQUEST_ID_LENGTH } from '../limits';
import { Actor, hasRole } from '../org/actor';
import { Role } from '../org/roles';
import { BreakthroughPhase, BreakthroughState, Registration } from '../breakthrough/breakthrough-state';
import { currentRound } from '../programme/actions/consultation';
import { isTerminal, Phase } from '../programme/phase';
import type { ProgrammeState, ProgrammeTask } from '../programme/programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from '../programme/refusal';
import { allTasks } from '../programme/responsibilities';
import { taskParams } from '../task/task-effects';
import { isTaskClosed, TaskState } from '../task/task-state';
import {
  CYCLE_DUTY_KINDS,
  CycleDutyKind,
  DutyKind,
  DutyTransferPayload,
  HeldDuty,
  PROGRAMME_DUTY_KINDS,
  ProgrammeDutyKind,
  TASK_DUTY_KINDS,
  TaskDutyKind,
} from './duty-kinds';

/** The audit row every workflow writes for a transfer: who moved what, from whom, to whom, why. */
export interface DutyTransferAudit {
  type: 'audit';
  action: 'duties.transferred';
  actorId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const replaced = (ids: string[], from: string, to: string) => [...new Set(ids.map((id) => (id === from ? to : id)))];

// Programmes

/** A programme's open duties of `personId`: none once the programme has ended. */
export function programmeDuties(s: ProgrammeState, personId: string): HeldDuty<ProgrammeDutyKind>[] {
  if (isTerminal(s.phase)) return [];
  const duties: HeldDuty<ProgrammeDutyKind>[] = [];
  const add = (kind: ProgrammeDutyKind, ref: string | null = null) => duties.push({ kind, ref });
  if (s.setup.memberInChargeId === personId) add('MEMBER_IN_CHARGE');
  if (s.setup.issuingHeadId === personId) add('ISSUING_HEAD');
  const steering = s.issuance?.steeringCommittee;
  if (steering?.headId === personId) add('STEERING_COMMITTEE_HEAD');
  if (steering?.memberIds.includes(personId)) add('STEERING_COMMITTEE_MEMBER');
  const round = currentRound(s);
  if (round && round.inviteeIds.includes(personId) && !round.opinions[personId])
    add('CONSULTATION_INVITATION', `round ${round.no}`);
  if (s.phase === Phase.SURVEY && s.survey.surveyorIds.includes(personId) && !s.survey.findings[personId])
    add('SURVEY_ASSIGNMENT');
  const d = s.dissemination;
  if (d.heldOn && d.audienceIds.includes(personId) && !d.acknowledged[personId]) add('DISSEMINATION_AUDIENCE');
  const reported = reportingTasks(s, personId);
  if (reported.length > 0) add('REVIEW_REPORTS', reported.map((t) => t.code).join(', '));
  return duties;
}

/** The programme's task records naming the person: they decide who is asked for review reports. */
function reportingTasks(s: ProgrammeState, personId: string): ProgrammeTask[] {
  return allTasks(s).filter((t) => t.responsiblePersonId === personId);
}

export function validateProgrammeTransfer(
  s: ProgrammeState,
  actor: Actor,
  p: DutyTransferPayload<ProgrammeDutyKind>,
): Refusal | null {
  if (isTerminal(s.phase)) return wrongPhase(`the programme is ${s.phase}: no open duty is left to move`);
  return checkTransfer(actor, p, PROGRAMME_DUTY_KINDS) ?? holdsSome(programmeDuties(s, p.fromPersonId), p, 'programme');
}

/** Moves the duties (validated) to the successor; returns what moved and the audit row. */
export function applyProgrammeTransfer(
  s: ProgrammeState,
  actor: Actor,
  p: DutyTransferPayload<ProgrammeDutyKind>,
  requestId: string,
): { moved: HeldDuty[]; effects: DutyTransferAudit[] } {
  const { fromPersonId: from, toPersonId: to } = p;
  const moved = selected(programmeDuties(s, from), p);
  for (const duty of moved) {
    switch (duty.kind) {
      case 'MEMBER_IN_CHARGE':
        s.setup.memberInChargeId = to;
        break;
      case 'ISSUING_HEAD':
        s.setup.issuingHeadId = to;
        break;
      case 'STEERING_COMMITTEE_HEAD': {
        const sc = s.issuance!.steeringCommittee!;
        sc.headId = to;
        sc.memberIds = sc.memberIds.filter((id) => id !== to);
        break;
      }
      case 'STEERING_COMMITTEE_MEMBER': {
        const sc = s.issuance!.steeringCommittee!;
        sc.memberIds = replaced(sc.memberIds, from, to).filter((id) => id !== sc.headId);
        break;
      }
      case 'CONSULTATION_INVITATION': {
        const round = currentRound(s)!;
        round.inviteeIds = replaced(round.inviteeIds, from, to);
        break;
      }
      case 'SURVEY_ASSIGNMENT':
        s.survey.surveyorIds = replaced(s.survey.surveyorIds, from, to);
        break;
      case 'DISSEMINATION_AUDIENCE':
        s.dissemination.audienceIds = replaced(s.dissemination.audienceIds, from, to);
        break;
      case 'REVIEW_REPORTS':
        // The unit stays: reviews expect reports by unit, and the successor reports for the same one.
        for (const t of reportingTasks(s, from)) t.responsiblePersonId = to;
        break;
    }
  }
  applied(s, requestId);
  return { moved, effects: [transferAudit(actor, p, moved)] };
}

// Tasks

/** A task's open duties of `personId`, in any open status. */
export function taskDuties(s: TaskState, personId: string): HeldDuty<TaskDutyKind>[] {
  if (isTaskClosed(s.status)) return [];
  const duties: HeldDuty<TaskDutyKind>[] = [];
  if (s.responsiblePersonId === personId) duties.push({ kind: 'TASK_RESPONSIBLE', ref: s.status });
  if (s.setup.assignerId === personId) duties.push({ kind: 'TASK_ASSIGNER', ref: null });
  if (s.setup.memberInChargeId === personId) duties.push({ kind: 'TASK_MEMBER_IN_CHARGE', ref: null });
  return duties;
}

export function validateTaskTransfer(s: TaskState, actor: Actor, p: DutyTransferPayload<TaskDutyKind>): Refusal | null {
  if (isTaskClosed(s.status)) return wrongPhase(`the task is ${s.status}: no open duty is left to move`);
  return (
    checkTransfer(actor, p, TASK_DUTY_KINDS) ??
    (p.toUnitId !== undefined ? text(p.toUnitId, 'toUnitId', MAX_ID_LENGTH) : null) ??
    holdsSome(taskDuties(s, p.fromPersonId), p, 'task')
  );
}

/**
 * Moves the duties (validated). The task keeps its status and progress: the successor takes over the
 * work where it stands (unlike `reassign`, which asks the new person to accept afresh).
 */
export function applyTaskTransfer(
  s: TaskState,
  actor: Actor,
  p: DutyTransferPayload<TaskDutyKind>,
  now: Date,
  requestId: string,
): { moved: HeldDuty[]; effects: Array<DutyTransferAudit | NotifyEffect> } {
  const at = now.toISOString();
  const moved = selected(taskDuties(s, p.fromPersonId), p);
  const effects: Array<DutyTransferAudit | NotifyEffect> = [transferAudit(actor, p, moved)];
  for (const duty of moved) {
    if (duty.kind === 'TASK_RESPONSIBLE') {
      const toUnitId = p.toUnitId ?? s.responsibleUnitId;
      s.reassignments.push({
        by: actor.personId,
        at,
        fromPersonId: s.responsiblePersonId,
        fromUnitId: s.responsibleUnitId,
        toPersonId: p.toPersonId,
        toUnitId,
        reason: p.reason,
      });
      s.responsiblePersonId = p.toPersonId;
      s.responsibleUnitId = toUnitId;
      const params = { ...taskParams(s), reason: p.reason };
      effects.push({ type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: [p.toPersonId], params });
    }
    if (duty.kind === 'TASK_ASSIGNER') s.setup.assignerId = p.toPersonId;
    if (duty.kind === 'TASK_MEMBER_IN_CHARGE') s.setup.memberInChargeId = p.toPersonId;
  }
  applied(s, requestId);
  return { moved, effects };
}

// Breakthrough cycles

const OPEN_REGISTRATION: readonly Registration['status'][] = ['REGISTERED', 'REVISION_REQUESTED'];
const APPRAISING: readonly BreakthroughPhase[] = [BreakthroughPhase.REGISTRATION, BreakthroughPhase.APPRAISAL];

/** A cycle's open duties of `personId`: appraising until appraisal closes, registrations not yet decided. */
export function cycleDuties(s: BreakthroughState, personId: string): HeldDuty<CycleDutyKind>[] {
  if (s.phase === BreakthroughPhase.CLOSED) return [];
  const duties: HeldDuty<CycleDutyKind>[] = [];
  if (APPRAISING.includes(s.phase) && s.setup.appraiserIds.includes(personId))
    duties.push({ kind: 'BREAKTHROUGH_APPRAISER', ref: null });
  for (const r of openRegistrations(s, personId))
    duties.push({ kind: 'BREAKTHROUGH_REGISTRATION', ref: `${r.no}: ${r.title}` });
  if (s.setup.memberInChargeId === personId) duties.push({ kind: 'BREAKTHROUGH_MEMBER_IN_CHARGE', ref: null });
  return duties;
}

function openRegistrations(s: BreakthroughState, personId: string): Registration[] {
  return s.registrations.filter((r) => r.registrantId === personId && OPEN_REGISTRATION.includes(r.status));
}

export function validateCycleTransfer(
  s: BreakthroughState,
  actor: Actor,
  p: DutyTransferPayload<CycleDutyKind>,
): Refusal | null {
  if (s.phase === BreakthroughPhase.CLOSED) return wrongPhase('the cycle is closed: no open duty is left to move');
  return checkTransfer(actor, p, CYCLE_DUTY_KINDS) ?? holdsSome(cycleDuties(s, p.fromPersonId), p, 'cycle');
}

/** Moves the duties (validated). An approved registration's work is its task's, moved there. */
export function applyCycleTransfer(
  s: BreakthroughState,
  actor: Actor,
  p: DutyTransferPayload<CycleDutyKind>,
  requestId: string,
): { moved: HeldDuty[]; effects: DutyTransferAudit[] } {
  const { fromPersonId: from, toPersonId: to } = p;
  const moved = selected(cycleDuties(s, from), p);
  const kinds = new Set(moved.map((d) => d.kind));
  if (kinds.has('BREAKTHROUGH_APPRAISER')) s.setup.appraiserIds = replaced(s.setup.appraiserIds, from, to);
  if (kinds.has('BREAKTHROUGH_REGISTRATION')) for (const r of openRegistrations(s, from)) r.registrantId = to;
  if (kinds.has('BREAKTHROUGH_MEMBER_IN_CHARGE')) s.setup.memberInChargeId = to;
  applied(s, requestId);
  return { moved, effects: [transferAudit(actor, p, moved)] };
}

// Shared checks

/** A transfer is one change of the state: its request id is remembered (one effect) and the version moves. */
function applied(s: { appliedRequestIds: string[]; version: number }, requestId: string): void {
  rememberRequestId(s, requestId);
  s.version += 1;
}

/**
 * The payload and the actor of a transfer: only an administrator rotates people (the API has checked
 * their province); two different people, a reason, known kinds of this workflow.
 */
export function checkTransfer<K extends DutyKind>(
  actor: Actor,
  p: DutyTransferPayload<K>,
  kinds: readonly K[],
): Refusal | null {
  if (!hasRole(actor, Role.ADMIN, Role.SYSTEM_ADMIN)) return forbidden('only an administrator transfers duties');
  const bad =
    text(p.fromPersonId, 'fromPersonId', MAX_ID_LENGTH) ??
    text(p.toPersonId, 'toPersonId', MAX_ID_LENGTH) ??
    text(p.reason, 'reason', MAX_REASON_LENGTH) ??
    text(p.transferId, 'transferId', MAX_REQUEST_ID_LENGTH);
  if (bad) return bad;
  if (p.fromPersonId === p.toPersonId) return invalid('the successor must be another person');
  if (p.kinds !== undefined) {
    if (!Array.isArray(p.kinds) || p.kinds.length === 0) return invalid('kinds must be a non-empty list when given');
    const unknown = p.kinds.filter((k) => !kinds.includes(k));
    if (unknown.length) return invalid(`kinds ${unknown.join(', ')} are not duties held here`);
  }
  return null;
}

function selected<K extends DutyKind>(held: HeldDuty<K>[], p: DutyTransferPayload<K>): HeldDuty<K>[] {
  return p.kinds ? held.filter((d) => p.kinds!.includes(d.kind)) : held;
}

function holdsSome<K extends DutyKind>(held: HeldDuty<K>[], p: DutyTransferPayload<K>, where: string): Refusal | null {
  return selected(held, p).length > 0
    ? null
    : wrongPhase(`${p.fromPersonId} holds no open duty ${p.kinds ? 'of the kinds asked ' : ''}in this ${where}`);
}

function transferAudit(actor: Actor, p: DutyTransferPayload, moved: HeldDuty[]): DutyTransferAudit {
  return {
    type: 'audit',
    action: 'duties.transferred',
    actorId: actor.personId,
    before: { personId: p.fromPersonId },
    after: {
      personId: p.toPersonId,
      toUnitId: p.toUnitId ?? null,
      duties: moved.map((d) => (d.ref ? `${d.kind} (${d.ref})` : d.kind)),
      reason: p.reason,
      transferId: p.transferId,
    },
  };
}
