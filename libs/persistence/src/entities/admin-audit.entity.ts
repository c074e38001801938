import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): one row per audited act that is not
 * a workflow action (logins, programme creation, admin changes, reports and exports), whether it
 * succeeded or was refused. Workflow actions are in `audit_event`.
 */
@Entity({ name: 'admin_audit' })
@Index('ix_admin_audit_act', ['act', 'id'])
@Index('ix_admin_audit_person', ['personId', 'id'])
@Index('ix_admin_audit_username', ['username', 'id'])
@Index('ix_admin_audit_occurred_at', ['occurredAt'])
export class AdminAuditEntity {
  /** Increasing: the order of the trail, and its paging cursor. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_admin_audit' })
  id: string;

  /** The database's clock, so that replicas with drifting clocks still write one timeline. */
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** What was done, e.g. `calendar.update`, `auth.login`. */
  @Column({ type: 'text' })
  act: string;

  /** The HTTP method and route template, e.g. `PUT /admin/calendar/:year`. */
  @Column({ type: 'text' })
  route: string;

  /** The HTTP status answered: below 400 the act was done. */
  @Column({ type: 'integer' })
  status: number;

  /** Why it failed: the error's class and message, shortened. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The authenticated person, or the person a login opened a session for. */
  @Column({ name: 'person_id', type: 'text', nullable: true })
  personId: string | null;

  /** The person's username, or for a failed login the username attempted. */
  @Column({ type: 'text', nullable: true })
  username: string | null;

  /** The acting person's unit, set only for acts that concern a unit's work (inspectors read those). */
  @Column({ name: 'unit_id', type: 'text', nullable: true })
  unitId: string | null;

  /** The route's parameters: what was acted on. */
  @Column({ type: 'jsonb', nullable: true })
  target: Record<string, unknown> | null;

  /** The request body without passwords, tokens or secrets, and shortened. */
  @Column({ type: 'jsonb', nullable: true })
  summary: Record<string, unknown> | null;

  /** The id of what the act created, when its answer names one. */
  @Column({ name: 'response_id', type: 'text', nullable: true })
  responseId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  /** The request id of the HTTP log line, to find the request there. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
