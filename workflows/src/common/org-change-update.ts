/**
 * The `applyOrgChange` update the programme, task and breakthrough-cycle workflows share: a
 * restructuring tells each running workflow that names a predecessor unit its successor's id. The
 * request id is derived from the change and the workflow, so a resent update has one effect (across
 * continue-as-new too: the state remembers it). Deterministic; the API and the worker import the
 * definition.
 */
import { defineUpdate, setHandler } from '@temporalio/workflow';
import type { OrgChangeMapping } from '@app/domain';
import { checkEnvelope, refusalFailure, UpdateEnvelope } from './update-envelope';

export type OrgChangeEnvelope = UpdateEnvelope<OrgChangeMapping>;

/** What the update answers: whether this call changed anything, and the state's version after it. */
export interface OrgChangeResult {
  applied: boolean;
  version: number;
}

export const applyOrgChangeUpdate = defineUpdate<OrgChangeResult, [OrgChangeEnvelope]>('applyOrgChange');

export interface OrgChangeHandler<E> {
  state: { appliedRequestIds: string[]; version: number };
  /** Maps the state's units and returns the effects to record (the history row, notices). */
  apply(mapping: OrgChangeMapping, env: OrgChangeEnvelope, now: Date): E[];
  queue(effects: E[], now: Date): void;
}

function mappingProblem(m: OrgChangeMapping): string | null {
  if (typeof m.changeId !== 'string' || !m.changeId) return 'the change must name its id';
  if (typeof m.effectiveDate !== 'string') return 'the change must name its effective date';
  if (typeof m.units !== 'object' || m.units === null) return 'the change must map units';
  const bad = Object.entries(m.units).find(([from, to]) => typeof to !== 'string' || !to || to === from);
  if (bad) return `unit ${bad[0]} must map to another unit id`;
  if (
    m.responsiblePersonId !== undefined &&
    m.responsiblePersonId !== null &&
    typeof m.responsiblePersonId !== 'string'
  )
    return 'responsiblePersonId must be a person id';
  return null;
}

export function setOrgChangeHandler<E>(h: OrgChangeHandler<E>): void {
  setHandler(
    applyOrgChangeUpdate,
    (env) => {
      if (h.state.appliedRequestIds.includes(env.requestId)) return { applied: false, version: h.state.version };
      const now = new Date();
      h.queue(h.apply(env.payload, env, now), now);
      return { applied: true, version: h.state.version };
    },
    {
      validator: (env) => {
        checkEnvelope(env);
        if (h.state.appliedRequestIds.includes(env.requestId)) return;
        const problem = mappingProblem(env.payload);
        if (problem) throw refusalFailure({ kind: 'INVALID', reason: problem });
      },
    },
  );
}
