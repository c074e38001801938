import { MAX_ANNUAL_PLAN_ITEMS } from '../../limits';
import type { ActionForm, Choice } from '../../common/available-action';
import type { Actor } from '../../org/actor';
import { isDrafter } from '../permissions';
import type { ProgrammeState } from '../programme-state';
import { forbidden, invalid, Refusal, wrongPhase } from '../refusal';
import { findWorkPlan, isItemClosed, PlanItem, planItemStatus, WorkPlan, workPlanId, workPlansOf } from '../work-plans';

/** Which plans and items a plan action may name: each check serves the validator and the offer alike. */

export const WORK_PLAN_KIND_CHOICES: Choice[] = [
  { value: 'ANNUAL', label: 'Kế hoạch năm' },
  { value: 'QUARTERLY', label: 'Chương trình công tác quý' },
];

export const OUTCOME_CHOICES: Choice[] = [
  { value: 'DONE', label: 'Hoàn thành' },
  { value: 'DROPPED', label: 'Không thực hiện' },
];

/** The office changes any item; the item's owner (the person named) reports on their own. */
export function mayChangeItem(s: ProgrammeState, actor: Actor, item: PlanItem): Refusal | null {
  if (isDrafter(s, actor) || (item.ownerPersonId !== null && item.ownerPersonId === actor.personId)) return null;
  return forbidden("only the issuing committee office or the item's owner changes an item");
}

/** Whether the actor may change `item` now (its fields are checked apart). */
export const itemChange = (s: ProgrammeState, actor: Actor, plan: WorkPlan, item: PlanItem): Refusal | null =>
  mayChangeItem(s, actor, item) ??
  (isItemClosed(planItemStatus(s, item)) ? wrongPhase(`item ${item.no} of plan ${plan.id} is closed`) : null);

/** Whether the actor may close `item` by hand now: one that follows a task closes with it. */
export const itemClosing = (s: ProgrammeState, actor: Actor, plan: WorkPlan, item: PlanItem): Refusal | null =>
  mayChangeItem(s, actor, item) ??
  (item.taskCode ? wrongPhase(`item ${item.no} follows task ${item.taskCode}: it closes with the task`) : null) ??
  (isItemClosed(item.status) ? wrongPhase(`item ${item.no} of plan ${plan.id} is closed already`) : null);

export const planHasRoom = (plan: WorkPlan): Refusal | null =>
  plan.items.length >= MAX_ANNUAL_PLAN_ITEMS ? invalid(`a plan has at most ${MAX_ANNUAL_PLAN_ITEMS} items`) : null;

/** Next year's key tasks are named on an annual plan until next year's plan exists. */
export function nextYearOpen(s: ProgrammeState, plan: WorkPlan): Refusal | null {
  if (plan.kind !== 'ANNUAL') return invalid("next year's key tasks belong to an annual plan");
  if (findWorkPlan(s, workPlanId('ANNUAL', plan.year + 1)))
    return wrongPhase(`the plan for ${plan.year + 1} exists already and started with the key tasks named then`);
  return null;
}

type ItemCheck = (plan: WorkPlan, item: PlanItem) => Refusal | null;

const itemsPassing = (s: ProgrammeState, check: ItemCheck) =>
  workPlansOf(s).flatMap((plan) =>
    plan.items.filter((item) => check(plan, item) === null).map((item) => ({ plan, item })),
  );

/** Null when some item passes `check`; else why an item of theirs is not open, else that none is theirs. */
export function someItem(s: ProgrammeState, check: ItemCheck): Refusal | null {
  const refusals = workPlansOf(s).flatMap((plan) => plan.items.map((item) => check(plan, item)));
  if (refusals.some((r) => r === null)) return null;
  return refusals.find((r) => r?.kind !== 'FORBIDDEN') ?? refusals[0] ?? wrongPhase('no plan item is open for this');
}

/** The plans an action may name, the first one chosen. */
export function planChoices(plans: WorkPlan[]): ActionForm {
  return {
    prefill: plans.length > 0 ? { planId: plans[0].id } : {},
    choices: { planId: plans.map((p) => ({ value: p.id, label: p.title })) },
  };
}

/** The items an action may name (by plan and number), the first one chosen. */
export function itemChoices(s: ProgrammeState, check: ItemCheck): ActionForm {
  const items = itemsPassing(s, check);
  const plans = [...new Map(items.map(({ plan }) => [plan.id, plan])).values()];
  return {
    prefill: items.length > 0 ? { planId: items[0].plan.id, no: items[0].item.no } : {},
    choices: {
      planId: plans.map((p) => ({ value: p.id, label: p.title })),
      no: items.map(({ plan, item }) => ({ value: item.no, label: `${plan.title}: ${item.no}. ${item.text}` })),
    },
  };
}
