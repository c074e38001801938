import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Task counts pre-aggregated for the supervision overview, kept by Postgres triggers on `task` and
 * `programme` (migration TaskCounts1796000000000) in the same transaction as the row they count, so
 * reading it is as current as reading `task`. One row per issuing unit, responsible unit, member in
 * charge, field group, programme term and due month. Cancelled tasks are not counted. "Overdue" is
 * not stored: open tasks are counted by due month and the reader splits them against the moment of
 * asking (the current month exactly, from `task`). Empty string stands for "none" in the key columns.
 */
@Entity({ name: 'task_count' })
// A scope is "issued by or assigned to a unit in it": the primary key serves the first half, this the second
// (within a term and its months up to now for the overview: migration NationalReads).
@Index('ix_task_count_responsible_unit', ['responsibleUnitId', 'term', 'dueMonth'])
// A term's months up to the current one (the overview's trend and open tasks past due), from the index alone (migration NationalReads).
@Index('ix_task_count_term_month', [
  'term',
  'dueMonth',
  'responsibleUnitId',
  'memberInChargeId',
  'fieldGroup',
  'doneOnTime',
  'doneLate',
  'open',
])
export class TaskCountEntity {
  @PrimaryColumn({ name: 'issuing_unit_id', type: 'text', primaryKeyConstraintName: 'pk_task_count' })
  issuingUnitId: string;

  @PrimaryColumn({ name: 'responsible_unit_id', type: 'text', primaryKeyConstraintName: 'pk_task_count' })
  responsibleUnitId: string;

  @PrimaryColumn({ name: 'member_in_charge_id', type: 'text', primaryKeyConstraintName: 'pk_task_count' })
  memberInChargeId: string;

  @PrimaryColumn({ name: 'field_group', type: 'text', primaryKeyConstraintName: 'pk_task_count' })
  fieldGroup: string;

  /** The programme's term; '' for a task of no programme, '-' while its programme row is missing. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_task_count' })
  term: string;

  /** First day of the month the tasks are due in, Vietnam time. */
  @PrimaryColumn({ name: 'due_month', type: 'date', primaryKeyConstraintName: 'pk_task_count' })
  dueMonth: string;

  @Column({ name: 'done_on_time', type: 'integer', default: 0 })
  doneOnTime: number;

  @Column({ name: 'done_late', type: 'integer', default: 0 })
  doneLate: number;

  /** Not done and not cancelled; within deadline or overdue depending on when one asks. */
  @Column({ type: 'integer', default: 0 })
  open: number;
}
