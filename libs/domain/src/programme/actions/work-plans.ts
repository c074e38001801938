import {
  MAX_ANNUAL_PLAN_ITEMS,
  MAX_ANNUAL_PLAN_YEAR,
  MAX_ID_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_ANNUAL_PLAN_YEAR,
} from '../../limits';
import { text } from '../../common/checks';
import type { Actor } from '../../org/actor';
import { calendarDate } from '../field-checks';
import { isDrafter } from '../permissions';
import { Phase } from '../phase';
import { requirePhase } from '../phase-transitions';
import type { ProgrammeState } from '../programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from '../refusal';
import {
  findWorkPlan,
  KeyTask,
  PlanItem,
  taskIdOfCode,
  WORK_PLAN_KINDS,
  WorkPlan,
  WorkPlanKind,
  workPlanId,
  workPlansOf,
} from '../work-plans';
import type { ActionRules } from './action-rule';
import {
  itemChange,
  itemChoices,
  itemClosing,
  nextYearOpen,
  OUTCOME_CHOICES,
  planChoices,
  planHasRoom,
  someItem,
  WORK_PLAN_KIND_CHOICES,
} from './plan-item-rules';
import { vnDateOf } from '../../time/iso-duration';

export interface PlanItemInput {
  text: string;
  ownerUnitId: string;
  ownerPersonId?: string | null;
  dueOn?: string | null;
  taskCode?: string | null;
}
export interface KeyTaskInput {
  text: string;
  targetCode?: string | null;
}

export interface WorkPlanPayloads {
  /** An annual plan (one per year) or a quarterly work programme (one per quarter), with numbered items. */
  addWorkPlan: {
    kind: WorkPlanKind;
    year: number;
    quarter?: number | null;
    title: string;
    items: PlanItemInput[];
    keyTasks?: KeyTaskInput[];
  };
  addPlanItem: { planId: string; item: PlanItemInput };
  /** Changes what is given; the status only of an item without a task (one with a task follows it). */
  changePlanItem: {
    planId: string;
    no: number;
    text?: string;
    ownerUnitId?: string;
    ownerPersonId?: string | null;
    dueOn?: string | null;
    taskCode?: string | null;
    status?: 'OPEN' | 'IN_PROGRESS';
    note?: string | null;
  };
  closePlanItem: { planId: string; no: number; outcome: 'DONE' | 'DROPPED'; note?: string | null };
  /** Next year's key tasks and targets, kept apart from the items; next year's annual plan starts with them. */
  setNextYearKeyTasks: { planId: string; keyTasks: KeyTaskInput[] };
}

/** The phases in which plans are kept: from issuance to the final review. */
const PLAN_PHASES = [Phase.ISSUED, Phase.DISSEMINATION, Phase.IMPLEMENTATION, Phase.FINAL_REVIEW];

const officeOnly = (s: ProgrammeState, actor: Actor, what: string): Refusal | null =>
  requirePhase(s, what, ...PLAN_PHASES) ??
  (isDrafter(s, actor) ? null : forbidden('only the issuing committee office keeps its plans'));

function itemInput(s: ProgrammeState, item: PlanItemInput, field: string): Refusal | null {
  if (typeof item !== 'object' || item === null) return invalid(`${field} must be an object`);
  return (
    text(item.text, `${field}.text`, MAX_TITLE_LENGTH) ??
    text(item.ownerUnitId, `${field}.ownerUnitId`, MAX_ID_LENGTH) ??
    (item.ownerPersonId != null ? text(item.ownerPersonId, `${field}.ownerPersonId`, MAX_ID_LENGTH) : null) ??
    (item.dueOn != null ? calendarDate(item.dueOn, `${field}.dueOn`) : null) ??
    taskCodeCheck(s, item.taskCode, field)
  );
}

function taskCodeCheck(s: ProgrammeState, code: string | null | undefined, field: string): Refusal | null {
  if (code == null) return null;
  return taskIdOfCode(s, code) ? null : invalid(`${field}.taskCode: the programme has no task ${code}`);
}

function keyTasksCheck(s: ProgrammeState, list: unknown, field: string): Refusal | null {
  if (!Array.isArray(list) || list.length > MAX_ANNUAL_PLAN_ITEMS)
    return invalid(`${field} must be a list of at most ${MAX_ANNUAL_PLAN_ITEMS}`);
  const targets = new Set((s.issuance?.targets ?? []).map((t) => t.code));
  for (const [i, k] of (list as KeyTaskInput[]).entries()) {
    const bad =
      (typeof k === 'object' && k !== null ? null : invalid(`${field}[${i}] must be an object`)) ??
      text(k.text, `${field}[${i}].text`, MAX_TITLE_LENGTH) ??
      (k.targetCode != null && !targets.has(k.targetCode)
        ? invalid(`${field}[${i}].targetCode: the programme has no target ${k.targetCode}`)
        : null);
    if (bad) return bad;
  }
  return null;
}

const numbered = (list: KeyTaskInput[], from = 0): KeyTask[] =>
  list.map((k, i) => ({ no: from + i + 1, text: k.text, targetCode: k.targetCode ?? null }));

function newItem(no: number, item: PlanItemInput, by: string, at: string): PlanItem {
  return {
    no,
    text: item.text,
    ownerUnitId: item.ownerUnitId,
    ownerPersonId: item.ownerPersonId ?? null,
    dueOn: item.dueOn ?? null,
    status: 'OPEN',
    taskCode: item.taskCode ?? null,
    note: null,
    changedBy: by,
    changedAt: at,
  };
}

/** The plan and item an action names, or why not. */
function planItem(s: ProgrammeState, planId: string, no: number): { plan: WorkPlan; item: PlanItem } | Refusal {
  const plan = findWorkPlan(s, planId);
  if (!plan) return invalid(`there is no plan ${planId}`);
  const item = plan.items.find((i) => i.no === no);
  if (!item) return invalid(`plan ${planId} has no item ${no}`);
  return { plan, item };
}
const isRefusal = (x: object): x is Refusal => 'kind' in x && 'reason' in x;

export const workPlanActions: ActionRules<WorkPlanPayloads> = {
  addWorkPlan: {
    permits: (s, actor) => officeOnly(s, actor, 'adding a plan'),
    // An annual plan for the first year from this one without one.
    form: (s, _actor, now) => {
      let year = Number(vnDateOf(now).slice(0, 4));
      while (findWorkPlan(s, workPlanId('ANNUAL', year))) year += 1;
      return { prefill: { kind: 'ANNUAL', year, items: [] }, choices: { kind: WORK_PLAN_KIND_CHOICES } };
    },
    validate: (s, _actor, p) => {
      if (!WORK_PLAN_KINDS.includes(p.kind)) return invalid('kind must be ANNUAL or QUARTERLY');
      if (!Number.isInteger(p.year) || p.year < MIN_ANNUAL_PLAN_YEAR || p.year > MAX_ANNUAL_PLAN_YEAR)
        return invalid('year must be a year such as 2026');
      if (
        p.kind === 'QUARTERLY' &&
        !(Number.isInteger(p.quarter) && (p.quarter as number) >= 1 && (p.quarter as number) <= 4)
      )
        return invalid('quarter must be 1, 2, 3 or 4 for a quarterly work programme');
      if (p.kind === 'ANNUAL' && p.quarter != null) return invalid('an annual plan has no quarter');
      const id = workPlanId(p.kind, p.year, p.quarter);
      if (findWorkPlan(s, id)) return wrongPhase(`plan ${id} exists already`);
      if (!Array.isArray(p.items) || p.items.length < 1 || p.items.length > MAX_ANNUAL_PLAN_ITEMS)
        return invalid(`items must be a list of 1 to ${MAX_ANNUAL_PLAN_ITEMS}`);
      for (const [i, item] of p.items.entries()) {
        const refusal = itemInput(s, item, `items[${i}]`);
        if (refusal) return refusal;
      }
      return text(p.title, 'title', MAX_TITLE_LENGTH) ?? keyTasksCheck(s, p.keyTasks ?? [], 'keyTasks');
    },
    apply: ({ s, at, by, audit }, p) => {
      const id = workPlanId(p.kind, p.year, p.quarter);
      // Last year's plan named this year's key tasks and targets: the plan starts with them.
      const carried =
        p.kind === 'ANNUAL' ? (findWorkPlan(s, workPlanId('ANNUAL', p.year - 1))?.nextYearKeyTasks ?? []) : [];
      const plan: WorkPlan = {
        id,
        kind: p.kind,
        year: p.year,
        quarter: p.kind === 'QUARTERLY' ? (p.quarter as number) : null,
        title: p.title,
        items: p.items.map((item, i) => newItem(i + 1, item, by, at)),
        keyTasks: [...numbered(carried), ...numbered(p.keyTasks ?? [], carried.length)],
        nextYearKeyTasks: [],
        by,
        at,
      };
      s.workPlans = [...workPlansOf(s), plan];
      return [
        audit({ plan: id, items: plan.items.length, keyTasks: plan.keyTasks.length, carriedKeyTasks: carried.length }),
      ];
    },
  },

  addPlanItem: {
    permits: (s, actor) => officeOnly(s, actor, 'adding a plan item'),
    subjects: (s) =>
      workPlansOf(s).some((pl) => planHasRoom(pl) === null)
        ? null
        : wrongPhase('there is no plan with room for an item'),
    form: (s) => planChoices(workPlansOf(s).filter((pl) => planHasRoom(pl) === null)),
    validate: (s, _actor, p) => {
      const plan = findWorkPlan(s, p.planId);
      if (!plan) return invalid(`there is no plan ${p.planId}`);
      return planHasRoom(plan) ?? itemInput(s, p.item, 'item');
    },
    apply: ({ s, at, by, audit }, p) => {
      const plan = findWorkPlan(s, p.planId)!;
      const no = Math.max(0, ...plan.items.map((i) => i.no)) + 1;
      plan.items.push(newItem(no, p.item, by, at));
      return [audit({ plan: plan.id, no, ownerUnitId: p.item.ownerUnitId, taskCode: p.item.taskCode ?? null })];
    },
  },

  changePlanItem: {
    permits: (s) => requirePhase(s, 'changing a plan item', ...PLAN_PHASES),
    subjects: (s, actor) => someItem(s, (plan, item) => itemChange(s, actor, plan, item)),
    form: (s, actor) => itemChoices(s, (plan, item) => itemChange(s, actor, plan, item)),
    validate: (s, actor, p) => {
      const found = planItem(s, p.planId, p.no);
      if (isRefusal(found)) return found;
      const { item } = found;
      const refusal = itemChange(s, actor, found.plan, item);
      if (refusal) return refusal;
      const officeFields = ['text', 'ownerUnitId', 'ownerPersonId', 'dueOn', 'taskCode'] as const;
      if (!isDrafter(s, actor) && officeFields.some((f) => p[f] !== undefined))
        return forbidden("an item's owner reports its status and notes; the office changes the rest");
      const taskCode = p.taskCode !== undefined ? p.taskCode : item.taskCode;
      if (p.status !== undefined && taskCode)
        return wrongPhase(`item ${p.no} follows task ${taskCode}: its status changes with the task`);
      if (p.status !== undefined && p.status !== 'OPEN' && p.status !== 'IN_PROGRESS')
        return invalid('status must be OPEN or IN_PROGRESS (closePlanItem closes an item)');
      return (
        (p.text !== undefined ? text(p.text, 'text', MAX_TITLE_LENGTH) : null) ??
        (p.ownerUnitId !== undefined ? text(p.ownerUnitId, 'ownerUnitId', MAX_ID_LENGTH) : null) ??
        (p.dueOn != null ? calendarDate(p.dueOn, 'dueOn') : null) ??
        (p.note != null ? text(p.note, 'note') : null) ??
        taskCodeCheck(s, p.taskCode, 'payload')
      );
    },
    apply: ({ s, at, by, audit }, p) => {
      const { plan, item } = planItem(s, p.planId, p.no) as { plan: WorkPlan; item: PlanItem };
      const before = { ...item };
      if (p.text !== undefined) item.text = p.text;
      if (p.ownerUnitId !== undefined) item.ownerUnitId = p.ownerUnitId;
      if (p.ownerPersonId !== undefined) item.ownerPersonId = p.ownerPersonId;
      if (p.dueOn !== undefined) item.dueOn = p.dueOn;
      if (p.taskCode !== undefined) item.taskCode = p.taskCode;
      if (p.status !== undefined) item.status = p.status;
      if (p.note !== undefined) item.note = p.note;
      item.changedBy = by;
      item.changedAt = at;
      const changed = Object.keys(p).filter((k) => k !== 'planId' && k !== 'no');
      const pick = (o: object) => Object.fromEntries(changed.map((k) => [k, (o as Record<string, unknown>)[k]]));
      return [audit({ plan: plan.id, no: item.no, ...pick(item) }, { plan: plan.id, no: item.no, ...pick(before) })];
    },
  },

  closePlanItem: {
    permits: (s) => requirePhase(s, 'closing a plan item', ...PLAN_PHASES),
    subjects: (s, actor) => someItem(s, (plan, item) => itemClosing(s, actor, plan, item)),
    form: (s, actor) => {
      const { prefill, choices } = itemChoices(s, (plan, item) => itemClosing(s, actor, plan, item));
      return { prefill: { ...prefill, outcome: 'DONE' }, choices: { ...choices, outcome: OUTCOME_CHOICES } };
    },
    validate: (s, actor, p) => {
      const found = planItem(s, p.planId, p.no);
      if (isRefusal(found)) return found;
      const { item } = found;
      return (
        itemClosing(s, actor, found.plan, item) ??
        (p.outcome === 'DONE' || p.outcome === 'DROPPED' ? null : invalid('outcome must be DONE or DROPPED')) ??
        (p.note != null ? text(p.note, 'note') : null)
      );
    },
    apply: ({ s, at, by, audit }, p) => {
      const { plan, item } = planItem(s, p.planId, p.no) as { plan: WorkPlan; item: PlanItem };
      const before = item.status;
      item.status = p.outcome;
      item.note = p.note ?? item.note;
      item.changedBy = by;
      item.changedAt = at;
      return [
        audit({ plan: plan.id, no: item.no, status: item.status }, { plan: plan.id, no: item.no, status: before }),
      ];
    },
  },

  setNextYearKeyTasks: {
    permits: (s, actor) => officeOnly(s, actor, "naming next year's key tasks"),
    subjects: (s) =>
      workPlansOf(s).some((pl) => nextYearOpen(s, pl) === null)
        ? null
        : wrongPhase("no annual plan is waiting for next year's key tasks"),
    form: (s) => {
      const { prefill, choices } = planChoices(workPlansOf(s).filter((pl) => nextYearOpen(s, pl) === null));
      return { prefill: { ...prefill, keyTasks: [] }, choices };
    },
    validate: (s, _actor, p) => {
      const plan = findWorkPlan(s, p.planId);
      if (!plan) return invalid(`there is no plan ${p.planId}`);
      return nextYearOpen(s, plan) ?? keyTasksCheck(s, p.keyTasks, 'keyTasks');
    },
    apply: ({ s, audit }, p) => {
      const plan = findWorkPlan(s, p.planId)!;
      const before = plan.nextYearKeyTasks.length;
      plan.nextYearKeyTasks = numbered(p.keyTasks);
      return [audit({ plan: plan.id, nextYearKeyTasks: plan.nextYearKeyTasks.length }, { nextYearKeyTasks: before })];
    },
  },
};
