import { Actor, hasRole } from '../org/actor';
import { Role } from '../org/roles';
import { MAX_REMEMBERED_REQUEST_IDS } from '../programme/programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from '../programme/refusal';
import type { TaskOutcome, TaskSetup } from '../task/task-state';

/**
 * The yearly breakthrough-task cycle of a committee (việc đột phá): units and heads register
 * proposals, the Standing Committee appraises each (approve, ask for revision, reject), approved
 * ones become tasks due at the year's end, and at the year's end each is evaluated from its task.
 */
export enum BreakthroughPhase {
  REGISTRATION = 'REGISTRATION',
  APPRAISAL = 'APPRAISAL',
  IMPLEMENTATION = 'IMPLEMENTATION',
  CLOSED = 'CLOSED',
}

export type RegistrationStatus = 'REGISTERED' | 'REVISION_REQUESTED' | 'APPROVED' | 'REJECTED' | 'NOT_APPRAISED';
export type AppraisalDecision = 'APPROVE' | 'REVISE' | 'REJECT';
export type BreakthroughResult = 'DONE_ON_TIME' | 'DONE_LATE' | 'NOT_DONE' | 'CANCELLED';

export interface BreakthroughSetup {
  unitId: string;
  year: number;
  title: string;
  memberInChargeId: string | null;
  fieldGroup: string | null;
  /** Standing Committee members who appraise (and are reminded to). */
  appraiserIds: string[];
  /** Units whose heads are reminded to register while the window is open. */
  invitedUnitIds: string[];
  registrationDeadline: string;
  appraisalDeadline: string;
  /** Approved tasks are due then; the cycle is evaluated then. */
  yearEndsAt: string;
  reminderOffsets: string[];
  taskReminderOffsets: string[];
  taskEscalationOffsets: string[];
  createdBy: string;
}

export interface Registration {
  no: number;
  /** UNIT: registered by a unit (its head carries it); HEAD: a head's personal registration. */
  kind: 'UNIT' | 'HEAD';
  registrantId: string;
  unitId: string;
  title: string;
  expectedResult: string;
  measure: string;
  registeredAt: string;
  status: RegistrationStatus;
  revisions: number;
  appraisals: Array<{ by: string; at: string; decision: AppraisalDecision; comments: string }>;
  taskId: string | null;
  result: BreakthroughResult | null;
}

export interface BreakthroughSummary {
  registered: number;
  approved: number;
  rejected: number;
  notAppraised: number;
  doneOnTime: number;
  doneLate: number;
  notDone: number;
  cancelled: number;
  headline: string;
}

export interface BreakthroughState {
  setup: BreakthroughSetup;
  phase: BreakthroughPhase;
  registrations: Registration[];
  /** Latest outcome each approved task reported, by task id. */
  taskOutcomes: Record<string, TaskOutcome>;
  summary: BreakthroughSummary | null;
  appliedRequestIds: string[];
  version: number;
}

export const BREAKTHROUGH_ACTIONS = ['register', 'revise', 'appraise', 'closeRegistration', 'closeAppraisal'] as const;
export type BreakthroughActionName = (typeof BREAKTHROUGH_ACTIONS)[number];

export interface BreakthroughPayloads {
  register: { kind: 'UNIT' | 'HEAD'; title: string; expectedResult: string; measure: string };
  revise: { no: number; title: string; expectedResult: string; measure: string };
  appraise: { no: number; decision: AppraisalDecision; comments: string };
  closeRegistration: Record<string, never>;
  closeAppraisal: Record<string, never>;
}

export type BreakthroughAction = {
  [K in BreakthroughActionName]: { name: K; payload: BreakthroughPayloads[K] };
}[BreakthroughActionName];

export type BreakthroughEffect =
  | { type: 'audit'; action: string; actorId: string | null; after: Record<string, unknown> }
  | {
      type: 'notify';
      kind: string;
      recipientIds: string[];
      headOfUnitIds?: string[];
      params: Record<string, string | number | null>;
    };

export function breakthroughTaskId(unitId: string, year: number, no: number): string {
  return `bt/${unitId}/${year}/${no}`;
}

export function initialBreakthroughState(setup: BreakthroughSetup): BreakthroughState {
  return {
    setup,
    phase: BreakthroughPhase.REGISTRATION,
    registrations: [],
    taskOutcomes: {},
    summary: null,
    appliedRequestIds: [],
    version: 0,
  };
}

/** Readable problems with a cycle's setup, empty when it can start at `now`. */
export function validateBreakthroughSetup(s: BreakthroughSetup, now: Date): string[] {
  const problems: string[] = [];
  const reg = Date.parse(s.registrationDeadline);
  const appr = Date.parse(s.appraisalDeadline);
  const end = Date.parse(s.yearEndsAt);
  if (Number.isNaN(reg) || reg <= now.getTime()) problems.push('registrationDeadline must be a future date-time');
  if (Number.isNaN(appr) || appr <= reg) problems.push('appraisalDeadline must come after registrationDeadline');
  if (Number.isNaN(end) || end <= appr) problems.push('the year must end after the appraisal deadline');
  if (s.appraiserIds.length === 0) problems.push('the cycle needs at least one appraiser (Standing Committee member)');
  return problems;
}

// ---------------------------------------------------------------------------------------------

const text = (value: unknown, field: string, max = 5000): Refusal | null =>
  typeof value !== 'string' || value.trim() === ''
    ? invalid(`${field} must not be empty`)
    : value.length > max
      ? invalid(`${field} is longer than ${max} characters`)
      : null;

const isAppraiser = (s: BreakthroughState, a: Actor) => s.setup.appraiserIds.includes(a.personId);

function registration(s: BreakthroughState, no: unknown): Registration | Refusal {
  if (typeof no !== 'number' || !Number.isInteger(no)) return invalid('no must be a registration number');
  return s.registrations.find((r) => r.no === no) ?? { kind: 'NOT_FOUND', reason: `no registration number ${no}` };
}

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'reason' in v && !('no' in v);

export function validateBreakthroughAction(
  s: BreakthroughState,
  actor: Actor,
  action: BreakthroughAction,
): Refusal | null {
  if (s.phase === BreakthroughPhase.CLOSED) return wrongPhase('the cycle is closed');
  const p = action.payload as unknown;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return invalid('payload must be an object');
  const inPhase = (phase: BreakthroughPhase, what: string) =>
    s.phase === phase ? null : wrongPhase(`${what} is possible in ${phase}, but the cycle is in ${s.phase}`);
  switch (action.name) {
    case 'register': {
      const q = action.payload;
      return (
        inPhase(BreakthroughPhase.REGISTRATION, 'registering') ??
        (hasRole(actor, Role.HEAD)
          ? null
          : forbidden('a unit registers through its head, and heads register in person')) ??
        (q.kind === 'UNIT' || q.kind === 'HEAD' ? null : invalid('kind must be UNIT or HEAD')) ??
        text(q.title, 'title', 1000) ??
        text(q.expectedResult, 'expectedResult') ??
        text(q.measure, 'measure')
      );
    }
    case 'revise': {
      const r = registration(s, action.payload.no);
      if (isRefusal(r)) return r;
      if (r.registrantId !== actor.personId) return forbidden('only the registrant revises a registration');
      if (r.status !== 'REVISION_REQUESTED')
        return wrongPhase(`registration ${r.no} is ${r.status}, not waiting for a revision`);
      return (
        inPhase(BreakthroughPhase.APPRAISAL, 'revising') ??
        text(action.payload.title, 'title', 1000) ??
        text(action.payload.expectedResult, 'expectedResult') ??
        text(action.payload.measure, 'measure')
      );
    }
    case 'appraise': {
      const bad =
        (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee appraises registrations')) ??
        inPhase(BreakthroughPhase.APPRAISAL, 'appraising');
      if (bad) return bad;
      const r = registration(s, action.payload.no);
      if (isRefusal(r)) return r;
      if (r.status !== 'REGISTERED') return wrongPhase(`registration ${r.no} is ${r.status}`);
      if (!['APPROVE', 'REVISE', 'REJECT'].includes(action.payload.decision))
        return invalid('decision must be APPROVE, REVISE or REJECT');
      return action.payload.decision === 'APPROVE' ? null : text(action.payload.comments, 'comments');
    }
    case 'closeRegistration':
      return (
        (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee closes registration')) ??
        inPhase(BreakthroughPhase.REGISTRATION, 'closing registration')
      );
    case 'closeAppraisal': {
      const bad =
        (isAppraiser(s, actor) ? null : forbidden('only the Standing Committee closes appraisal')) ??
        inPhase(BreakthroughPhase.APPRAISAL, 'closing appraisal');
      if (bad) return bad;
      const pending = s.registrations.filter(
        (r) => r.status === 'REGISTERED' || r.status === 'REVISION_REQUESTED',
      ).length;
      return pending
        ? wrongPhase(
            `${pending} registrations are still waiting for appraisal or revision; they close by themselves at the deadline`,
          )
        : null;
    }
    default:
      return invalid(`unknown action ${(action as { name: string }).name}`);
  }
}

/** Applies a validated action. Returns effects and the tasks to start (approved registrations). */
export function applyBreakthroughAction(
  s: BreakthroughState,
  actor: Actor,
  action: BreakthroughAction,
  now: Date,
  requestId: string,
): { effects: BreakthroughEffect[]; tasks: TaskSetup[] } {
  const at = now.toISOString();
  const by = actor.personId;
  const effects: BreakthroughEffect[] = [];
  const tasks: TaskSetup[] = [];
  switch (action.name) {
    case 'register': {
      const q = action.payload;
      const no = s.registrations.length + 1;
      s.registrations.push({
        no,
        kind: q.kind,
        registrantId: by,
        unitId: actor.unitId,
        title: q.title,
        expectedResult: q.expectedResult,
        measure: q.measure,
        registeredAt: at,
        status: 'REGISTERED',
        revisions: 0,
        appraisals: [],
        taskId: null,
        result: null,
      });
      effects.push({
        type: 'audit',
        action: 'register',
        actorId: by,
        after: { no, kind: q.kind, unitId: actor.unitId, title: q.title },
      });
      break;
    }
    case 'revise': {
      const r = s.registrations.find((x) => x.no === action.payload.no)!;
      Object.assign(r, {
        title: action.payload.title,
        expectedResult: action.payload.expectedResult,
        measure: action.payload.measure,
        status: 'REGISTERED',
        revisions: r.revisions + 1,
      });
      effects.push({ type: 'audit', action: 'revise', actorId: by, after: { no: r.no, revisions: r.revisions } });
      break;
    }
    case 'appraise': {
      const r = s.registrations.find((x) => x.no === action.payload.no)!;
      const { decision, comments } = action.payload;
      r.appraisals.push({ by, at, decision, comments: comments ?? '' });
      effects.push({
        type: 'audit',
        action: 'appraise',
        actorId: by,
        after: { no: r.no, decision, comments: comments ?? '' },
      });
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
      break;
    }
    case 'closeRegistration':
      effects.push(...closeRegistration(s, by));
      break;
    case 'closeAppraisal':
      effects.push(...closeAppraisal(s, by));
      break;
  }
  s.appliedRequestIds.push(requestId);
  if (s.appliedRequestIds.length > MAX_REMEMBERED_REQUEST_IDS)
    s.appliedRequestIds.splice(0, s.appliedRequestIds.length - MAX_REMEMBERED_REQUEST_IDS);
  s.version += 1;
  return { effects, tasks };
}

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
    issuingUnitId: s.setup.unitId,
    isBreakthrough: true,
    dueAt: s.setup.yearEndsAt,
    reminderOffsets: [...s.setup.taskReminderOffsets],
    escalationOffsets: [...s.setup.taskEscalationOffsets],
  };
}

/** The registration window closes (by the Standing Committee, or at its deadline): appraisal begins. */
export function closeRegistration(s: BreakthroughState, actorId: string | null): BreakthroughEffect[] {
  if (s.phase !== BreakthroughPhase.REGISTRATION) return [];
  s.phase = BreakthroughPhase.APPRAISAL;
  return [
    { type: 'audit', action: 'registration.closed', actorId, after: { registered: s.registrations.length } },
    {
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: s.setup.appraiserIds,
      params: {
        title: s.setup.title,
        step: 'APPRAISAL',
        what: `appraise ${s.registrations.length} registrations`,
        deadline: s.setup.appraisalDeadline,
      },
    },
  ];
}

/** Appraisal ends: what was never appraised (or never revised) is not carried out this year. */
export function closeAppraisal(s: BreakthroughState, actorId: string | null): BreakthroughEffect[] {
  if (s.phase !== BreakthroughPhase.APPRAISAL) return [];
  for (const r of s.registrations)
    if (r.status === 'REGISTERED' || r.status === 'REVISION_REQUESTED') r.status = 'NOT_APPRAISED';
  s.phase = BreakthroughPhase.IMPLEMENTATION;
  const count = (st: RegistrationStatus) => s.registrations.filter((r) => r.status === st).length;
  return [
    {
      type: 'audit',
      action: 'appraisal.closed',
      actorId,
      after: { approved: count('APPROVED'), rejected: count('REJECTED'), notAppraised: count('NOT_APPRAISED') },
    },
  ];
}

/** At the year's end each approved registration is evaluated from its task's reported outcome. */
export function evaluateAtYearEnd(s: BreakthroughState): BreakthroughEffect[] {
  if (s.phase === BreakthroughPhase.REGISTRATION) closeRegistration(s, null);
  if (s.phase === BreakthroughPhase.APPRAISAL) closeAppraisal(s, null);
  const summary: BreakthroughSummary = {
    registered: s.registrations.length,
    approved: 0,
    rejected: 0,
    notAppraised: 0,
    doneOnTime: 0,
    doneLate: 0,
    notDone: 0,
    cancelled: 0,
    headline: '',
  };
  for (const r of s.registrations) {
    if (r.status === 'REJECTED') summary.rejected++;
    if (r.status === 'NOT_APPRAISED') summary.notAppraised++;
    if (r.status !== 'APPROVED') continue;
    summary.approved++;
    const o = r.taskId ? s.taskOutcomes[r.taskId] : undefined;
    r.result =
      o?.status === 'CANCELLED'
        ? 'CANCELLED'
        : o?.status === 'DONE'
          ? Date.parse(o.doneAt as string) <= Date.parse(o.dueAt)
            ? 'DONE_ON_TIME'
            : 'DONE_LATE'
          : 'NOT_DONE';
    if (r.result === 'DONE_ON_TIME') summary.doneOnTime++;
    else if (r.result === 'DONE_LATE') summary.doneLate++;
    else if (r.result === 'NOT_DONE') summary.notDone++;
    else summary.cancelled++;
  }
  summary.headline = `${summary.doneOnTime}/${summary.approved} done on time`;
  s.summary = summary;
  s.phase = BreakthroughPhase.CLOSED;
  s.version += 1;
  return [
    { type: 'audit', action: 'year.evaluated', actorId: null, after: { ...summary } },
    {
      type: 'notify',
      kind: 'REVIEW_CLOSED',
      recipientIds: [
        ...new Set([...s.setup.appraiserIds, ...(s.setup.memberInChargeId ? [s.setup.memberInChargeId] : [])]),
      ],
      params: { title: s.setup.title, period: String(s.setup.year), headline: summary.headline },
    },
  ];
}

/** Reminders before the registration and appraisal deadlines: who is still awaited. */
export function breakthroughReminder(s: BreakthroughState, step: 'REGISTRATION' | 'APPRAISAL'): BreakthroughEffect[] {
  if (step === 'REGISTRATION') {
    const registered = new Set(s.registrations.map((r) => r.unitId));
    const silent = s.setup.invitedUnitIds.filter((u) => !registered.has(u));
    return silent.length
      ? [
          {
            type: 'notify',
            kind: 'DEADLINE_REMINDER',
            recipientIds: [],
            headOfUnitIds: silent,
            params: {
              title: s.setup.title,
              step,
              what: 'register breakthrough tasks',
              deadline: s.setup.registrationDeadline,
            },
          },
        ]
      : [];
  }
  const pending = s.registrations.filter((r) => r.status === 'REGISTERED').length;
  const revising = s.registrations.filter((r) => r.status === 'REVISION_REQUESTED').map((r) => r.registrantId);
  const effects: BreakthroughEffect[] = [];
  if (pending)
    effects.push({
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: s.setup.appraiserIds,
      params: {
        title: s.setup.title,
        step,
        what: `appraise ${pending} registrations`,
        deadline: s.setup.appraisalDeadline,
      },
    });
  if (revising.length)
    effects.push({
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: [...new Set(revising)],
      params: { title: s.setup.title, step, what: 'revise your registration', deadline: s.setup.appraisalDeadline },
    });
  return effects;
}

export function recordBreakthroughOutcome(s: BreakthroughState, o: TaskOutcome): void {
  s.taskOutcomes[o.taskId] = o;
}
