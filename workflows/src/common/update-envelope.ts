/**
 * The envelope every staff action arrives in (programme and task workflows alike) and the way a
 * refusal leaves a validator. Deterministic: safe in workflow code and importable by the API.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor, Refusal } from '@app/domain';

/** An action with its actor and a client request id: the same id again has exactly one effect. */
export interface UpdateEnvelope<P = unknown> {
  actor: Actor;
  requestId: string;
  payload: P;
}

/** A refusal as the failure an update validator throws; the API maps its type to 403/409/400/404. */
export function refusalFailure(r: Refusal): ApplicationFailure {
  return ApplicationFailure.create({ type: r.kind, message: r.reason, nonRetryable: true });
}

/** Refuses an envelope without an actor, a usable request id or an object payload. */
export function checkEnvelope(env: UpdateEnvelope): void {
  const a = env?.actor as Actor | undefined;
  if (!a || typeof a.personId !== 'string' || typeof a.unitId !== 'string' || !Array.isArray(a.roles))
    throw refusalFailure({ kind: 'INVALID', reason: 'the action must name its actor' });
  if (typeof env.requestId !== 'string' || env.requestId.length < 8 || env.requestId.length > 100)
    throw refusalFailure({ kind: 'INVALID', reason: 'requestId must be 8-100 characters' });
  if (typeof env.payload !== 'object' || env.payload === null)
    throw refusalFailure({ kind: 'INVALID', reason: 'payload must be an object' });
}
