/**
 * Annual plans and quarterly work programmes with numbered items (kế hoạch hằng năm, chương trình
 * công tác quý): each item has an owner (a unit, optionally a person), a status and optionally a
 * task of the programme, whose status it then follows. An annual plan keeps next year's key tasks
 * and targets (nhiệm vụ, chỉ tiêu trọng tâm năm sau) apart from its items; next year's plan starts
 * with them.
 */
import { TaskStatus } from '../task/task-state';
import type { Authored, ProgrammeState } from './programme-state';
import { programmeTaskId } from './task-outcomes';

export type WorkPlanKind = 'ANNUAL' | 'QUARTERLY';
export const WORK_PLAN_KINDS: readonly WorkPlanKind[] = ['ANNUAL', 'QUARTERLY'];
export type PlanItemStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';
export const PLAN_ITEM_STATUSES: readonly PlanItemStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];

export interface PlanItem {
  /** 1-based, never reused within the plan. */
  no: number;
  text: string;
  ownerUnitId: string;
  ownerPersonId: string | null;
  /** 'YYYY-MM-DD'. */
  dueOn: string | null;
  /** The status set by hand; an item with a task follows the task instead (`planItemStatus`). */
  status: PlanItemStatus;
  /** Code of a task of this programme. */
  taskCode: string | null;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

export interface KeyTask {
  no: number;
  text: string;
  /** A target of the programme this key task is measured by. */
  targetCode: string | null;
}

export interface WorkPlan extends Authored {
  /** "2026" for an annual plan, "2026-Q1" for a quarterly work programme. */
  id: string;
  kind: WorkPlanKind;
  year: number;
  quarter: number | null;
  title: string;
  items: PlanItem[];
  /** This year's key tasks and targets: those the previous year's plan named for it, then any added. */
  keyTasks: KeyTask[];
  /** Next year's key tasks and targets, named at the year's end (annual plans only). */
  nextYearKeyTasks: KeyTask[];
}

export function workPlanId(kind: WorkPlanKind, year: number, quarter?: number | null): string {
  return kind === 'ANNUAL' ? `${year}` : `${year}-Q${quarter}`;
}

export function workPlansOf(s: ProgrammeState): WorkPlan[] {
  return s.workPlans ?? [];
}

export function findWorkPlan(s: ProgrammeState, planId: string): WorkPlan | undefined {
  return workPlansOf(s).find((p) => p.id === planId);
}

/** The task id of a programme task by its code: issued with the programme, or in a legacy annual plan. */
export function taskIdOfCode(s: ProgrammeState, code: string): string | null {
  const pid = s.setup.programmeId;
  if ((s.issuance?.tasks ?? []).some((t) => t.code === code)) return programmeTaskId(pid, code);
  const plan = s.implementation.annualPlans.find((pl) => (pl.tasks ?? []).some((t) => t.code === code));
  return plan ? programmeTaskId(pid, code, plan.year) : null;
}

/** An item's task status as the item shows it. */
export function statusOfTask(status: TaskStatus | undefined): PlanItemStatus {
  if (status === undefined || status === TaskStatus.ASSIGNED) return 'OPEN';
  if (status === TaskStatus.DONE) return 'DONE';
  if (status === TaskStatus.CANCELLED) return 'DROPPED';
  return 'IN_PROGRESS';
}

/** Task statuses by task id, as a reader knows them (e.g. the task read model). */
export type TaskStatusesById = Readonly<Record<string, TaskStatus>>;

/**
 * The item's status: its task's when it has one, else its own. The task's status is taken from
 * `known` (the read model, which sees every step) when given, else from the outcome the task last
 * reported to the programme (which it does when it closes or changes hands).
 */
export function planItemStatus(s: ProgrammeState, item: PlanItem, known: TaskStatusesById = {}): PlanItemStatus {
  if (!item.taskCode) return item.status;
  const id = taskIdOfCode(s, item.taskCode);
  return statusOfTask(id ? (known[id] ?? s.taskOutcomes?.[id]?.status) : undefined);
}

/** Ids of the tasks the plans' items follow. */
export function linkedTaskIds(s: ProgrammeState): string[] {
  const ids = workPlansOf(s).flatMap((p) => p.items.map((i) => (i.taskCode ? taskIdOfCode(s, i.taskCode) : null)));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Whether the item is finished (done or dropped). */
export function isItemClosed(status: PlanItemStatus): boolean {
  return status === 'DONE' || status === 'DROPPED';
}

/** The plans with every item's status as it stands (tasks' statuses applied), and counts per status. */
export function workPlansView(s: ProgrammeState, known: TaskStatusesById = {}) {
  return workPlansOf(s).map((plan) => {
    const items = plan.items.map((item) => ({ ...item, status: planItemStatus(s, item, known) }));
    const counts = Object.fromEntries(
      PLAN_ITEM_STATUSES.map((st) => [st, items.filter((i) => i.status === st).length]),
    ) as Record<PlanItemStatus, number>;
    return { ...plan, items, counts };
  });
}
export type WorkPlanView = ReturnType<typeof workPlansView>[number];
