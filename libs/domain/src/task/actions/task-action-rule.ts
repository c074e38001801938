import type { ActionForm } from '../../common/available-action';
import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { Actor } from '../../org/actor';
import type { Refusal } from '../../programme/refusal';
import type { TaskEffect } from '../task-effects';
import type { TaskState } from '../task-state';

/** What applying a task action has at hand. */
export interface TaskActionContext {
  s: TaskState;
  actor: Actor;
  now: Date;
  cal: WorkingCalendar;
  /** `now` as ISO text. */
  at: string;
  /** The actor's person id. */
  by: string;
  /** The status before the action. */
  before: { status: TaskState['status'] };
  /** The action's history row: the status after it, and by default the status before. */
  audit(after: Record<string, unknown>, before?: Record<string, unknown> | null): TaskEffect;
  /** A notice about the task to people other than the actor. */
  notify(kind: string, recipientIds: Array<string | null>, extra?: Record<string, string | number | null>): TaskEffect;
}

/** One action on a task: who may take it when, its payload check and its change, side by side. */
export interface TaskActionRule<P> {
  /**
   * Pure, payload-free: the status and person conditions (FORBIDDEN / WRONG_PHASE), or null when some
   * well-formed payload could pass for this actor now. Checked before `validate`; alone it decides which
   * actions a person is offered (`availableTaskActions`).
   */
  permits(s: TaskState, actor: Actor, now: Date): Refusal | null;
  /** What the action's form starts with and may choose from, when `permits` returned null. */
  form?(s: TaskState, actor: Actor, now: Date): ActionForm;
  /** Pure, no mutation, only after `permits` returned null: the first reason to refuse this payload, or null. */
  validate(s: TaskState, actor: Actor, payload: P, now: Date, cal: WorkingCalendar): Refusal | null;
  /** Mutates the state and returns what to record and tell, in order; only after `validate` returned null. */
  apply(c: TaskActionContext, payload: P): TaskEffect[];
}

export type TaskActionRules<Payloads> = { [K in keyof Payloads]: TaskActionRule<Payloads[K]> };
