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

/** One action on a task: its check and its change, side by side. */
export interface TaskActionRule<P> {
  /** Pure, no mutation: the first reason to refuse, or null. */
  validate(s: TaskState, actor: Actor, payload: P, now: Date, cal: WorkingCalendar): Refusal | null;
  /** Mutates the state and returns what to record and tell, in order; only after `validate` returned null. */
  apply(c: TaskActionContext, payload: P): TaskEffect[];
}

export type TaskActionRules<Payloads> = { [K in keyof Payloads]: TaskActionRule<Payloads[K]> };
