/**
 * What an inspection finding does to the programme's work: it reopens finished tasks (each with a
 * new deadline) and opens corrective tasks with their own deadlines. Pure checks and changes; the
 * programme workflow starts the task workflows.
 */
import { MAX_INSPECTION_FOLLOW_UPS, MAX_REASON_LENGTH } from '../limits';
import { text } from '../common/checks';
import { TaskStatus } from '../task/task-state';
import { validateTasks } from './field-checks';
import type { ProgrammeState, ProgrammeTask } from './programme-state';
import { invalid, Refusal, wrongPhase } from './refusal';
import { allTasks } from './responsibilities';
import { programmeTaskId } from './task-outcomes';

export interface ReopenRequest {
  taskId: string;
  /** The new deadline (a date-time in the future). */
  dueAt: string;
  reason: string;
}

export interface InspectionFollowUp {
  reopenTasks?: ReopenRequest[];
  correctiveTasks?: ProgrammeTask[];
}

/** A corrective task as the programme keeps it: which inspection opened it. */
export interface CorrectiveTask extends ProgrammeTask {
  inspectionNo: number;
  by: string;
  at: string;
}

/** The ids of the tasks the programme started: issued, annual plans', corrective. */
export function startedTaskIds(s: ProgrammeState): string[] {
  const pid = s.setup.programmeId;
  return [
    ...(s.issuance?.tasks ?? []).map((t) => programmeTaskId(pid, t.code)),
    ...s.implementation.annualPlans.flatMap((pl) => (pl.tasks ?? []).map((t) => programmeTaskId(pid, t.code, pl.year))),
    ...(s.implementation.correctiveTasks ?? []).map((t) => programmeTaskId(pid, t.code)),
  ];
}

/** Tasks that belong to the programme: those it started and those carried to it from a superseded one. */
export function ownTaskIds(s: ProgrammeState): string[] {
  return [...new Set([...startedTaskIds(s), ...Object.keys(s.taskOutcomes ?? {})])];
}

export function validateFollowUp(s: ProgrammeState, p: InspectionFollowUp, now: Date): Refusal | null {
  const reopen = p.reopenTasks ?? [];
  const corrective = p.correctiveTasks ?? [];
  if (!Array.isArray(reopen) || reopen.length > MAX_INSPECTION_FOLLOW_UPS)
    return invalid(`reopenTasks must be a list of at most ${MAX_INSPECTION_FOLLOW_UPS}`);
  if (!Array.isArray(corrective) || corrective.length > MAX_INSPECTION_FOLLOW_UPS)
    return invalid(`correctiveTasks must be a list of at most ${MAX_INSPECTION_FOLLOW_UPS}`);
  const own = new Set(ownTaskIds(s));
  const seen = new Set<string>();
  for (const [i, r] of reopen.entries()) {
    const where = `reopenTasks[${i}]`;
    if (typeof r !== 'object' || r === null) return invalid(`${where} must be an object`);
    const bad = text(r.taskId, `${where}.taskId`, 200) ?? text(r.reason, `${where}.reason`, MAX_REASON_LENGTH);
    if (bad) return bad;
    if (!own.has(r.taskId)) return invalid(`task ${r.taskId} is not a task of this programme`);
    if (seen.has(r.taskId)) return invalid(`task ${r.taskId} appears twice in reopenTasks`);
    seen.add(r.taskId);
    const status = s.taskOutcomes?.[r.taskId]?.status;
    if (status !== TaskStatus.DONE)
      return wrongPhase(
        `task ${r.taskId} is not done (${status ?? 'no outcome reported yet'}): only a done task is reopened`,
      );
    const due = typeof r.dueAt === 'string' ? Date.parse(r.dueAt) : NaN;
    if (Number.isNaN(due)) return invalid(`${where}.dueAt must be a date-time`);
    if (due <= now.getTime()) return invalid(`${where}.dueAt must be in the future`);
  }
  const bad = validateTasks(corrective);
  if (bad) return invalid(bad.reason.replace(/^tasks/, 'correctiveTasks'));
  const taken = new Set(allTasks(s).map((t) => t.code));
  const clash = corrective.find((t) => taken.has(t.code));
  if (clash) return invalid(`task code ${clash.code} is used already in this programme`);
  const past = corrective.find((t) => Date.parse(t.dueAt) <= now.getTime());
  if (past) return invalid(`corrective task ${past.code} must be due in the future`);
  return null;
}

/** Records the follow-up; the reopened tasks count as open at once (their workflows report back later). */
export function applyFollowUp(
  s: ProgrammeState,
  p: InspectionFollowUp,
  inspectionNo: number,
  by: string,
  at: string,
): { reopened: ReopenRequest[]; corrective: CorrectiveTask[] } {
  const reopened = (p.reopenTasks ?? []).map((r) => ({ ...r, dueAt: new Date(r.dueAt).toISOString() }));
  const corrective = (p.correctiveTasks ?? []).map((t) => ({
    ...t,
    dueAt: new Date(t.dueAt).toISOString(),
    coordinatingUnitIds: t.coordinatingUnitIds ?? [],
    inspectionNo,
    by,
    at,
  }));
  for (const r of reopened) {
    const o = s.taskOutcomes![r.taskId];
    s.taskOutcomes![r.taskId] = { ...o, status: TaskStatus.ASSIGNED, dueAt: r.dueAt, doneAt: null };
  }
  if (corrective.length > 0)
    s.implementation.correctiveTasks = [...(s.implementation.correctiveTasks ?? []), ...corrective];
  return { reopened, corrective };
}
