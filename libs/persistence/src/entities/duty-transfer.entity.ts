import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One rotation: a person's open duties moved to a successor by an administrator, keyed by the
 * client's request id (a repeated id answers with this row). `items` holds each duty with its
 * workflow and result, written as the workflows answer; a row left IN_PROGRESS by a crash is
 * completed by the same request id again (each workflow's update has one effect per request id).
 */
@Entity({ name: 'duty_transfer' })
@Index('ix_duty_transfer_person', ['personId', 'requestedAt'])
@Index('ix_duty_transfer_successor', ['successorPersonId', 'requestedAt'])
@Check('chk_duty_transfer_status', `"status" IN ('IN_PROGRESS', 'DONE')`)
export class DutyTransferEntity {
  @PrimaryColumn({ name: 'request_id', type: 'text', primaryKeyConstraintName: 'pk_duty_transfer' })
  requestId: string;

  /** The person whose duties moved. */
  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'successor_person_id', type: 'text' })
  successorPersonId: string;

  /** The unit the successor carries the moved tasks in; null when each task keeps its unit. */
  @Column({ name: 'successor_unit_id', type: 'text', nullable: true })
  successorUnitId: string | null;

  @Column({ type: 'text' })
  reason: string;

  /** The kinds asked for; null for every kind. */
  @Column({ type: 'text', array: true, nullable: true })
  kinds: string[] | null;

  /** The administrator who asked. */
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', default: 'IN_PROGRESS' })
  status: string;

  /** Every duty of the transfer with its workflow and, once answered, its result. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items: object[];
}
