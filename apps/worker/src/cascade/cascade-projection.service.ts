import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CascadeState } from '@app/domain';
import { NotificationKind, NotificationProducer } from '@app/notifications';
import type { CascadeNotificationRequest, PublishCascadeChangesInput } from '@app/workflows/cascade/definitions';
import { RecipientsService } from '../common/recipients.service';

/**
 * Writes what an obligation workflow changed into its `cascade_obligation` row and history, in one
 * transaction, then asks for notifications. Safe to run twice: the row keeps the newest version
 * (projection_seq), history rows are keyed, notification jobs are de-duplicated by their key. A row the
 * API has withdrawn stays withdrawn whatever an older version says.
 */
@Injectable()
export class CascadeProjectionService {
  private readonly logger = new Logger(CascadeProjectionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationProducer,
    private readonly recipients: RecipientsService,
  ) {}

  async publish(input: Omit<PublishCascadeChangesInput, 'version'>, s: CascadeState): Promise<void> {
    const id = s.setup.obligationId;
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE cascade_obligation SET
           status = CASE WHEN status = 'WITHDRAWN' THEN status ELSE $2 END,
           programme_id = $3, issued_on = $4, reminders_sent = $5, escalations_sent = $6,
           withdrawn_at = coalesce(withdrawn_at, $7), withdrawn_by = coalesce(withdrawn_by, $8),
           withdraw_reason = coalesce(withdraw_reason, $9), projection_seq = $10, updated_at = now()
         WHERE id = $1 AND projection_seq <= $10`,
        [
          id,
          s.status,
          s.issuance?.programmeId ?? null,
          s.issuance?.issuedOn ?? null,
          s.remindersSent,
          s.escalationsSent,
          s.withdrawal?.at ?? null,
          s.withdrawal?.by ?? null,
          s.withdrawal?.reason ?? null,
          s.version,
        ],
      );
      if (input.events.length > 0)
        await tx.query(
          `INSERT INTO cascade_event (event_key, obligation_id, actor_id, action, occurred_at, after)
           SELECT e.key, e."obligationId", e."actorId", e.action, e."occurredAt", e.after
             FROM jsonb_to_recordset($1::jsonb) AS e(key text, "obligationId" text, "actorId" text, action text, "occurredAt" timestamptz, after jsonb)
           ON CONFLICT (event_key) DO NOTHING`,
          [JSON.stringify(input.events)],
        );
    });
    for (const n of input.notifications) {
      const recipients = [
        ...new Set([...(await this.recipients.resolve(n.recipientIds, n.headOfUnitIds)), ...(await this.roleIn(n))]),
      ];
      if (recipients.length === 0) continue;
      await this.notifications.enqueue({
        key: n.key,
        kind: n.kind as NotificationKind,
        recipientIds: recipients,
        params: n.params,
        occurredAt: n.occurredAt,
      });
    }
    this.logger.debug(
      `obligation ${id} v${s.version}: ${input.events.length} events, ${input.notifications.length} notices`,
    );
  }

  /** Everyone active holding the role in the units, or in their standing committee and advisory boards. */
  private async roleIn(n: CascadeNotificationRequest): Promise<string[]> {
    if (!n.roleIn || n.roleIn.unitIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT p.id FROM person p JOIN org_unit u ON u.id = p.unit_id
        WHERE p.active AND $2 = ANY(p.roles)
          AND (u.id = ANY($1) OR (u.parent_id = ANY($1) AND u.kind IN ('STANDING_COMMITTEE', 'ADVISORY_BOARD')))
        ORDER BY p.id`,
      [n.roleIn.unitIds, n.roleIn.role],
    );
    return rows.map((r) => r.id);
  }
}
