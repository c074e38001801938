import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationProducer } from '@app/notifications';
import { publishedTaskState, TaskState } from '@app/domain';
import type { PublishTaskChangesInput } from '@app/workflows/task/activity-interfaces';
import { CHAIN_COLUMNS_SET, chainValues, newestChainWins } from '../common/projection-chain';
import { RecipientsService } from '../common/recipients.service';

/**
 * Writes what a task workflow changed into the read model (the `task` row and its history) in one
 * transaction, then asks for notifications. Safe to run twice: the row keeps the newest version
 * (projection_seq), history rows are keyed, notification jobs are de-duplicated by their key.
 */
@Injectable()
export class TaskProjectionService {
  private readonly logger = new Logger(TaskProjectionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationProducer,
    private readonly recipients: RecipientsService,
  ) {}

  /** The task's last published state, or null when it has no row (yet). */
  async snapshot(taskId: string): Promise<TaskState | null> {
    const rows: Array<{ snapshot: unknown }> = await this.dataSource.query('SELECT snapshot FROM task WHERE id = $1', [
      taskId,
    ]);
    return publishedTaskState(rows[0]?.snapshot);
  }

  async publish(input: Omit<PublishTaskChangesInput, 'version'>, s: TaskState): Promise<void> {
    const t = s.setup;
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id,
           coordinating_unit_ids, assigner_id, member_in_charge_id, field_group, issuing_unit_id, is_breakthrough, status,
           due_at, original_due_at, progress_percent, accepted_at, submitted_at, done_at, projection_seq, snapshot, reopen_count,
           chain_run_id, chain_started_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
         ON CONFLICT (id) DO UPDATE SET
           workflow_id = EXCLUDED.workflow_id, source = EXCLUDED.source, programme_id = EXCLUDED.programme_id,
           code = EXCLUDED.code, title = EXCLUDED.title, field_group = EXCLUDED.field_group,
           is_breakthrough = EXCLUDED.is_breakthrough, original_due_at = EXCLUDED.original_due_at,
           responsible_unit_id = EXCLUDED.responsible_unit_id, responsible_person_id = EXCLUDED.responsible_person_id,
           assigner_id = EXCLUDED.assigner_id, member_in_charge_id = EXCLUDED.member_in_charge_id,
           issuing_unit_id = EXCLUDED.issuing_unit_id, coordinating_unit_ids = EXCLUDED.coordinating_unit_ids,
           reopen_count = EXCLUDED.reopen_count,
           status = EXCLUDED.status, due_at = EXCLUDED.due_at, progress_percent = EXCLUDED.progress_percent,
           accepted_at = EXCLUDED.accepted_at, submitted_at = EXCLUDED.submitted_at, done_at = EXCLUDED.done_at,
           projection_seq = EXCLUDED.projection_seq, snapshot = EXCLUDED.snapshot, ${CHAIN_COLUMNS_SET}, updated_at = now()
         WHERE ${newestChainWins('task', '$26')}`,
        [
          t.taskId,
          input.workflowId,
          t.source,
          t.programmeId,
          t.code,
          t.title,
          s.responsibleUnitId,
          s.responsiblePersonId,
          t.coordinatingUnitIds,
          t.assignerId,
          t.memberInChargeId,
          t.fieldGroup,
          t.issuingUnitId,
          t.isBreakthrough,
          s.status,
          s.dueAt,
          t.dueAt,
          s.progressPercent,
          s.acceptedAt,
          s.submittedAt,
          s.doneAt,
          s.version,
          JSON.stringify(s),
          s.reopenings?.length ?? 0,
          ...chainValues(input.chain),
        ],
      );
      for (const e of input.events) {
        await tx.query(
          `INSERT INTO task_event (event_key, task_id, programme_id, actor_id, action, occurred_at, before, after)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (event_key) DO NOTHING`,
          [
            e.key,
            e.taskId,
            t.programmeId,
            e.actorId,
            e.action,
            e.occurredAt,
            e.before && JSON.stringify(e.before),
            e.after && JSON.stringify(e.after),
          ],
        );
      }
    });
    for (const n of input.notifications) {
      // A unit without an active head: the escalation goes to the assigner rather than nowhere.
      const recipients = await this.recipients.resolve(n.recipientIds, n.headOfUnitIds, [t.assignerId]);
      if (recipients.length === 0) continue;
      await this.notifications.enqueue({
        key: n.key,
        kind: n.kind as NotificationKind,
        recipientIds: recipients,
        programmeId: n.programmeId ?? undefined,
        taskId: n.taskId,
        params: n.params,
        occurredAt: n.occurredAt,
      });
    }
    this.logger.debug(
      `task ${t.taskId} v${s.version}: ${input.events.length} events, ${input.notifications.length} notifications`,
    );
  }
}
