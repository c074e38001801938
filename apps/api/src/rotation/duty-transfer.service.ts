import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Actor, DutyKind, DutyTransferResult } from '@app/domain';
import { DutyTransferEntity } from '@app/persistence';
import {
  cycleTransferDuties,
  DutyTransferEnvelope,
  programmeTransferDuties,
  taskTransferDuties,
} from '@app/workflows/common/duty-transfer';
import { RotationAccessService } from '../access';
import { Principal } from '../auth/principal';
import { DutiesService, FoundDuty } from './duties.service';
import type { DutyOutcome, DutyTransferResponse } from './dto/duties.response';
import { TransferDutiesDto } from './dto/transfer-duties.dto';

const CONCURRENCY = 10;
const UPDATES = { PROGRAMME: programmeTransferDuties, TASK: taskTransferDuties, CYCLE: cycleTransferDuties };

/** A duty of a transfer as the row keeps it: what it was, where, and (once answered) how it went. */
type TransferItem = FoundDuty & { outcome: DutyOutcome | null; failure: string | null };

/**
 * Moves a person's open duties to a successor: everything is validated first (nothing moves on a
 * refusal), the plan is recorded under the request id, then each workflow gets one `transferDuties`
 * update with a request id derived from the transfer's and the workflow's, so a retry (or a repeat
 * after a crash) has one effect per workflow and completes what was left undone.
 */
@Injectable()
export class DutyTransferService {
  constructor(
    @InjectRepository(DutyTransferEntity) private readonly transfers: Repository<DutyTransferEntity>,
    private readonly temporal: Client,
    private readonly rotationAccess: RotationAccessService,
    private readonly duties: DutiesService,
  ) {}

  async transfer(personId: string, dto: TransferDutiesDto, p: Principal): Promise<DutyTransferResponse> {
    const person = await this.rotationAccess.personForRotation(p, personId, 'transfer');
    const earlier = await this.transfers.findOne({ where: { requestId: dto.requestId } });
    if (earlier) return this.repeat(earlier, person.id, dto, p);
    // The document allows a null successor unit: none given, as when absent.
    const successorUnitId = dto.successorUnitId ?? undefined;
    const successor = await this.rotationAccess.rotationSuccessor(p, person.id, dto.successorPersonId, successorUnitId);
    const held = await this.duties.dutiesOf(person.id, p);
    const chosen = dto.kinds ? held.filter((d) => dto.kinds!.includes(d.kind)) : held;
    if (chosen.length === 0)
      throw new BadRequestException(
        `${person.id} holds no open duty${dto.kinds ? ` of the kinds ${dto.kinds.join(', ')}` : ''}; nothing to move`,
      );
    const inserted = await this.transfers
      .createQueryBuilder()
      .insert()
      .values({
        requestId: dto.requestId,
        personId: person.id,
        successorPersonId: successor.personId,
        successorUnitId: successor.unitId,
        reason: dto.reason,
        kinds: dto.kinds ?? null,
        requestedBy: p.personId,
        items: chosen.map((d): TransferItem => ({ ...d, outcome: null, failure: null })),
      })
      .orIgnore()
      .returning('*')
      .execute();
    const row = await this.transfers.findOneOrFail({ where: { requestId: dto.requestId } });
    // Another request with this id got in first: answer as its repeat.
    if (inserted.raw.length === 0) return this.repeat(row, person.id, dto, p);
    return this.run(row, p);
  }

  /** The same request id again: the same transfer's result (completing it if a crash left it unfinished). */
  private async repeat(
    row: DutyTransferEntity,
    personId: string,
    dto: TransferDutiesDto,
    p: Principal,
  ): Promise<DutyTransferResponse> {
    const same =
      row.personId === personId &&
      row.successorPersonId === dto.successorPersonId &&
      row.successorUnitId === (dto.successorUnitId ?? null) &&
      JSON.stringify(row.kinds) === JSON.stringify(dto.kinds ?? null);
    if (!same) throw new ConflictException(`requestId ${dto.requestId} was used for another transfer`);
    return row.status === 'DONE' ? answer(row) : this.run(row, p);
  }

  private async run(row: DutyTransferEntity, p: Principal): Promise<DutyTransferResponse> {
    const items = row.items as TransferItem[];
    const byWorkflow = new Map<string, TransferItem[]>();
    for (const item of items) byWorkflow.set(item.workflowId, [...(byWorkflow.get(item.workflowId) ?? []), item]);
    const groups = [...byWorkflow.values()];
    const actor = this.rotationAccess.rotationActor(p);
    for (let i = 0; i < groups.length; i += CONCURRENCY)
      await Promise.all(groups.slice(i, i + CONCURRENCY).map((group) => this.moveGroup(row, group, actor)));
    row.items = items;
    row.status = 'DONE';
    row.completedAt = new Date();
    await this.transfers.update(
      { requestId: row.requestId },
      { items: row.items, status: row.status, completedAt: row.completedAt },
    );
    return answer(row);
  }

  /** One workflow's duties of the transfer, in one update; its answer says which moved. */
  private async moveGroup(row: DutyTransferEntity, group: TransferItem[], actor: Actor): Promise<void> {
    const { workflowId, holder } = group[0];
    const envelope: DutyTransferEnvelope = {
      actor,
      requestId: `rot-${createHash('sha256').update(`${row.requestId}\n${workflowId}`).digest('hex').slice(0, 40)}`,
      payload: {
        fromPersonId: row.personId,
        toPersonId: row.successorPersonId,
        ...(holder === 'TASK' && row.successorUnitId ? { toUnitId: row.successorUnitId } : {}),
        reason: row.reason,
        kinds: [...new Set(group.map((d) => d.kind))] as DutyKind[],
        transferId: row.requestId,
      },
    };
    try {
      const result: DutyTransferResult = await this.temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(UPDATES[holder] as never, { args: [envelope] as never, updateId: envelope.requestId });
      const moved = new Set(result.moved.map((d) => d.kind));
      for (const item of group) {
        // A retry of an applied update moves nothing again: what it moved then stands.
        const didMove = result.applied ? moved.has(item.kind) : item.outcome !== 'NOT_MOVED';
        item.outcome = didMove ? 'MOVED' : 'NOT_MOVED';
        item.failure = didMove ? null : 'no longer held when the workflow was asked';
      }
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)) throw err;
      for (const item of group) {
        item.outcome = 'NOT_MOVED';
        item.failure = err.cause.message;
      }
    }
  }
}

function answer(row: DutyTransferEntity): DutyTransferResponse {
  const items = (row.items as TransferItem[]).map(({ workflowId: _w, holder: _h, ...item }) => ({
    ...item,
    outcome: item.outcome ?? 'NOT_MOVED',
  }));
  return {
    requestId: row.requestId,
    personId: row.personId,
    successorPersonId: row.successorPersonId,
    successorUnitId: row.successorUnitId,
    reason: row.reason,
    kinds: row.kinds as DutyKind[] | null,
    requestedBy: row.requestedBy,
    requestedAt: new Date(row.requestedAt).toISOString(),
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
    moved: items.filter((i) => i.outcome === 'MOVED').length,
    notMoved: items.filter((i) => i.outcome !== 'MOVED').length,
    items,
  };
}
