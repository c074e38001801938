import type { ActionForm } from '../../common/available-action';
import type { Actor } from '../../org/actor';
import type { ProgrammeEffect } from '../programme-effect';
import type { ProgrammeState } from '../programme-state';
import type { TemplateInUse } from '../deadline-counting';
import type { Refusal } from '../refusal';

/** What applying an action has at hand. */
export interface ActionContext {
  s: ProgrammeState;
  /** The template, with the working-day calendar when it counts working days. */
  t: TemplateInUse;
  actor: Actor;
  now: Date;
  /** `now` as ISO text: the time every record of the action carries. */
  at: string;
  /** The actor's person id. */
  by: string;
  /** The action's audit row, named after the action. */
  audit(after: Record<string, unknown>, before?: Record<string, unknown> | null): ProgrammeEffect;
}

/** One staff action: who may take it when, its payload check and its change, side by side. */
export interface ActionRule<P> {
  /**
   * Pure, payload-free: the phase and person conditions (FORBIDDEN / WRONG_PHASE), or null when some
   * well-formed payload could pass for this actor now. Checked before `validate`, and alone it decides
   * which actions a person is offered (`availableProgrammeActions`).
   */
  permits(s: ProgrammeState, actor: Actor, now: Date): Refusal | null;
  /**
   * For an action that names a subject (a review, a plan item...): null when there is one it could name
   * now. Only the offer asks it; `validate` checks the subject named by the same per-subject rule.
   */
  subjects?(s: ProgrammeState, actor: Actor, now: Date): Refusal | null;
  /** Pure, no mutation, only after `permits` returned null: the first reason to refuse this payload, or null. */
  validate(s: ProgrammeState, actor: Actor, payload: P, now: Date): Refusal | null;
  /** What the action's form starts with and may choose from, when `permits` returned null. */
  form?(s: ProgrammeState, actor: Actor, now: Date): ActionForm;
  /** Mutates the state and returns what to record and tell, in order; only after `validate` returned null. */
  apply(c: ActionContext, payload: P): ProgrammeEffect[];
}

/** The rules of a group of actions, one per payload type. */
export type ActionRules<Payloads> = { [K in keyof Payloads]: ActionRule<Payloads[K]> };
