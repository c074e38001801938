import type { NotifyEffect } from '../common/effects';
import type { BreakthroughBreakdown } from './breakthrough-figures';
import { validateContentGroups } from './breakthrough-figures';
import type { TaskOutcome } from '../task/task-state';

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

/** A content group (nhóm nội dung) the registrations of a cycle are grouped by, e.g. "Cải thiện môi trường đầu tư". */
export interface ContentGroup {
  code: string;
  title: string;
}

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
  /** The content groups registrations name (absent on cycles opened before groups existed). */
  contentGroups?: ContentGroup[];
  /** The higher level's cycle this one was opened under ("<unitId>/<year>"); absent or null at the top. */
  parentCycleId?: string | null;
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
  /** The content group it belongs to, when the cycle has groups. */
  contentGroup?: string;
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
  /** Organisations and individuals counted separately, and by content group (absent on summaries made before). */
  organisations?: BreakthroughBreakdown['organisations'];
  individuals?: BreakthroughBreakdown['individuals'];
  byContentGroup?: BreakthroughBreakdown['byContentGroup'];
}

export interface BreakthroughState {
  setup: BreakthroughSetup;
  phase: BreakthroughPhase;
  registrations: Registration[];
  /** Latest outcome each approved task reported, by task id. */
  taskOutcomes: Record<string, TaskOutcome>;
  summary: BreakthroughSummary | null;
  /** The committee the cycle belongs to since a restructuring; absent while it is `setup.unitId`. */
  unitId?: string;
  appliedRequestIds: string[];
  version: number;
}

/** Audit rows say what happened (no state before); notifications name people, or units whose head is told. */
export type BreakthroughEffect =
  { type: 'audit'; action: string; actorId: string | null; after: Record<string, unknown> } | NotifyEffect;

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
  const groups = validateContentGroups(s.contentGroups);
  if (groups) problems.push(groups.reason);
  return problems;
}
