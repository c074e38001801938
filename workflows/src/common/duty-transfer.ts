/**
 * The `transferDuties` update every workflow type answers (programme, task, breakthrough cycle): an
 * administrator moves a person's open duties to a successor, in the workflow's own history. A new
 * update handler issues no command in histories that never received it, so it needs no patch.
 * Deterministic: safe in workflow code and importable by the API.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  CycleDutyKind,
  DutyKind,
  DutyTransferPayload,
  DutyTransferResult,
  HeldDuty,
  ProgrammeDutyKind,
  Refusal,
  TaskDutyKind,
} from '@app/domain';
import { setActionHandlers } from './action-handlers';
import type { UpdateEnvelope } from './update-envelope';

export const TRANSFER_DUTIES = 'transferDuties';

export type DutyTransferEnvelope<K extends DutyKind = DutyKind> = UpdateEnvelope<DutyTransferPayload<K>>;
type TransferUpdate<K extends DutyKind> = UpdateDefinition<DutyTransferResult, [DutyTransferEnvelope<K>], string>;

export const programmeTransferDuties: TransferUpdate<ProgrammeDutyKind> = defineUpdate(TRANSFER_DUTIES);
export const taskTransferDuties: TransferUpdate<TaskDutyKind> = defineUpdate(TRANSFER_DUTIES);
export const cycleTransferDuties: TransferUpdate<CycleDutyKind> = defineUpdate(TRANSFER_DUTIES);

export interface DutyTransferHandlers<K extends DutyKind, E> {
  state: { appliedRequestIds: string[]; version: number };
  validate(env: DutyTransferEnvelope<K>): Refusal | null;
  /** Changes the state (remembering the request id) and answers what moved and what to record. */
  apply(env: DutyTransferEnvelope<K>, now: Date): { moved: HeldDuty[]; effects: E[] };
  /** Queues the effects for the next flush (the workflow's runtime). */
  queue(effects: E[], now: Date): void;
}

/** Registers the update: validated like every staff action, a retried request id answers without a second effect. */
export function setDutyTransferHandler<K extends DutyKind, E>(
  update: TransferUpdate<K>,
  h: DutyTransferHandlers<K, E>,
): void {
  setActionHandlers<
    typeof TRANSFER_DUTIES,
    { name: typeof TRANSFER_DUTIES },
    DutyTransferEnvelope<K>,
    DutyTransferResult
  >(
    [TRANSFER_DUTIES],
    { [TRANSFER_DUTIES]: update },
    {
      applied: (requestId) => h.state.appliedRequestIds.includes(requestId),
      validate: (_action, env) => h.validate(env),
      handle: (_action, env) => {
        if (h.state.appliedRequestIds.includes(env.requestId))
          return { applied: false, moved: [], version: h.state.version };
        const now = new Date();
        const { moved, effects } = h.apply(env, now);
        h.queue(effects, now);
        return { applied: true, moved, version: h.state.version };
      },
    },
  );
}
