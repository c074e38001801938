import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, seesInspectionFindings, type Scope } from '../access';
import type { Principal } from '../auth/principal';

export const TIMELINE_KINDS = [
  'PHASE',
  'REVIEW_OPENED',
  'REVIEW_CLOSED',
  'INSPECTION',
  'REMINDER',
  'ESCALATION',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  title: string;
  detail: Record<string, unknown>;
}

/**
 * One programme's life in time order: phases entered (with their deadlines), reviews opened and
 * closed, inspections, reminders sent (one entry per event, with its recipients) and escalations.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** `principal` is who reads: inspection findings only for those who may read them (`programme-visibility`). */
  async timeline(
    scope: Scope,
    id: string,
    page: number,
    pageSize: number,
    principal: Principal,
  ): Promise<{
    programme: { id: string; title: string };
    items: TimelineEntry[];
    total: number;
    page: number;
    pageSize: number;
  }> {
    const programme = await this.access.supervisedProgramme(scope, id);
    const rows: TimelineEntry[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT h.entered_at AS at, 'PHASE' AS kind, h.phase AS title,
           jsonb_build_object('seq', h.seq, 'deadline', h.deadline, 'actorId', h.actor_id, 'reason', h.reason) AS detail
         FROM programme_phase_history h WHERE h.programme_id = $1
         UNION ALL
         SELECT r.opens_at, 'REVIEW_OPENED', r.kind || ' ' || r.period_label,
           jsonb_build_object('seq', r.seq, 'reviewKind', r.kind, 'periodLabel', r.period_label, 'closesAt', r.closes_at, 'expectedUnitIds', r.expected_unit_ids)
         FROM programme_review r WHERE r.programme_id = $1
         UNION ALL
         SELECT r.closed_at, 'REVIEW_CLOSED', r.kind || ' ' || r.period_label,
           jsonb_build_object('seq', r.seq, 'reviewKind', r.kind, 'periodLabel', r.period_label, 'headline', r.headline,
             'achievedOrExceeded', r.achieved_or_exceeded, 'targetsTotal', r.targets_total, 'lowTargetCodes', r.low_target_codes,
             'reportedUnitIds', r.reported_unit_ids)
         FROM programme_review r WHERE r.programme_id = $1 AND r.closed_at IS NOT NULL
         UNION ALL
         SELECT (i ->> 'at')::timestamptz, 'INSPECTION', COALESCE(u.name, i ->> 'unitId', ''),
           jsonb_build_object('by', i ->> 'by', 'findings', i ->> 'findings', 'unitId', i ->> 'unitId')
         FROM programme p CROSS JOIN jsonb_array_elements(COALESCE(p.snapshot -> 'implementation' -> 'inspections', '[]'::jsonb)) AS i
           LEFT JOIN org_unit u ON u.id = i ->> 'unitId'
         WHERE p.id = $1
         UNION ALL
         SELECT a.occurred_at, 'ESCALATION', COALESCE(a.after ->> 'phase', ''), COALESCE(a.after, '{}'::jsonb)
         FROM audit_event a WHERE a.programme_id = $1 AND a.action = 'deadline.escalated'
         UNION ALL
         SELECT min(n.created_at), CASE WHEN n.kind = 'DEADLINE_ESCALATION' THEN 'ESCALATION' ELSE 'REMINDER' END, min(n.title),
           jsonb_build_object('notification', n.kind, 'recipientIds', jsonb_agg(n.recipient_id ORDER BY n.recipient_id))
         FROM notification n WHERE n.programme_id = $1 AND n.kind IN ('DEADLINE_REMINDER', 'DEADLINE_ESCALATION')
         GROUP BY split_part(n.idempotency_key, '@', 1), n.kind
       ) e ORDER BY e.at, e.kind`,
      [id],
    );
    const findings = seesInspectionFindings(await this.access.programmeViewerById(principal, id));
    const items = rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      ...(r.kind === 'INSPECTION' && !findings ? { detail: { ...r.detail, findings: null } } : {}),
    }));
    const start = (page - 1) * pageSize;
    return {
      programme: { id: programme.id, title: programme.title },
      items: items.slice(start, start + pageSize),
      total: items.length,
      page,
      pageSize,
    };
  }
}
