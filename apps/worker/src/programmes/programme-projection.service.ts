import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { latestClosedReview } from '@app/domain';
import { NotificationKind, NotificationProducer } from '@app/notifications';
import type { PublishChangesInput } from '@app/workflows/programme/activity-interfaces';

/**
 * Writes what a programme workflow changed into the read model, in one transaction, then asks for
 * notifications. Safe to run twice: the projection keeps the newest version, audit events and
 * phase rows are keyed, and notification jobs are de-duplicated by their key.
 */
@Injectable()
export class ProgrammeProjectionService {
  private readonly logger = new Logger(ProgrammeProjectionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationProducer,
  ) {}

  async publish(input: PublishChangesInput): Promise<void> {
    const s = input.state;
    const latestReview = latestClosedReview(s);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO programme (id, title, document_number, issued_on, template_id, template_version, phase, phase_deadline,
           issuing_unit_id, member_in_charge_id, field_group, term, implements_resolution, workflow_id,
           latest_review_headline, projection_seq, snapshot, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
         ON CONFLICT (id) DO UPDATE SET
           title = EXCLUDED.title, document_number = EXCLUDED.document_number, issued_on = EXCLUDED.issued_on,
           phase = EXCLUDED.phase, phase_deadline = EXCLUDED.phase_deadline,
           latest_review_headline = EXCLUDED.latest_review_headline, projection_seq = EXCLUDED.projection_seq,
           snapshot = EXCLUDED.snapshot, updated_at = now()
         WHERE programme.projection_seq <= EXCLUDED.projection_seq`,
        [
          s.setup.programmeId,
          s.setup.title,
          s.issuance?.documentNumber ?? null,
          s.issuance?.issuedOn ?? null,
          s.setup.templateId,
          s.setup.templateVersion,
          s.phase,
          s.phaseDeadline,
          s.setup.issuingUnitId,
          s.setup.memberInChargeId,
          s.setup.fieldGroup,
          s.setup.term,
          s.setup.implementsResolution,
          input.workflowId,
          latestReview?.summary?.headline ?? null,
          s.version,
          JSON.stringify(s),
          s.setup.createdBy,
        ],
      );
      for (const h of s.phaseHistory) {
        await tx.query(
          `INSERT INTO programme_phase_history (programme_id, seq, phase, entered_at, deadline, actor_id, reason)
           VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`,
          [s.setup.programmeId, h.seq, h.phase, h.enteredAt, h.deadline, h.actorId, h.reason],
        );
      }
      for (const a of input.audits) {
        await tx.query(
          `INSERT INTO audit_event (event_key, programme_id, actor_id, action, occurred_at, before, after)
           VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (event_key) DO NOTHING`,
          [a.key, a.programmeId, a.actorId, a.action, a.occurredAt, a.before && JSON.stringify(a.before), a.after && JSON.stringify(a.after)],
        );
      }
    });
    for (const n of input.notifications) {
      await this.notifications.enqueue({
        key: n.key,
        kind: n.kind as NotificationKind,
        recipientIds: n.recipientIds,
        programmeId: n.programmeId,
        params: n.params,
        occurredAt: n.occurredAt,
      });
    }
    this.logger.debug(`programme ${s.setup.programmeId} v${s.version}: ${input.audits.length} audit, ${input.notifications.length} notifications`);
  }
}
