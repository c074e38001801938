/**
 * Staff actions as updates, one per action name, all validated the same way: the envelope is
 * checked; a request id applied already passes (its retry has no second effect and only reads);
 * anything else must pass the workflow's own check, or is refused with the domain's reason.
 */
import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Refusal } from '@app/domain';
import { checkEnvelope, refusalFailure, UpdateEnvelope } from './update-envelope';

export interface ActionHandlers<A, Env extends UpdateEnvelope, R> {
  /** Whether the request id has had its effect already. */
  applied(requestId: string): boolean;
  /** The first reason to refuse the action now, or null. */
  validate(action: A, env: Env): Refusal | null;
  /** Applies the action (unless applied already) and answers; runs only after validation passed. */
  handle(action: A, env: Env): R | Promise<R>;
}

export function setActionHandlers<Name extends string, A extends { name: Name }, Env extends UpdateEnvelope, R>(
  names: readonly Name[],
  updates: Record<Name, Pick<UpdateDefinition<R>, 'type' | 'name'>>,
  handlers: ActionHandlers<A, Env, R>,
): void {
  for (const name of names) {
    const actionOf = (env: Env) => ({ name, payload: env.payload }) as unknown as A;
    setHandler(updates[name] as UpdateDefinition<R, [Env]>, (env: Env) => handlers.handle(actionOf(env), env), {
      validator: (env: Env) => {
        checkEnvelope(env);
        if (handlers.applied(env.requestId)) return;
        const refusal = handlers.validate(actionOf(env), env);
        if (refusal) throw refusalFailure(refusal);
      },
    });
  }
}
