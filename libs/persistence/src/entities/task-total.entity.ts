import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The counts of `task_count` without the due month, for the groupings that need no month (by unit,
 * member in charge, field group, and the total): at national scale a few tens of thousands of rows
 * where `task_count` holds six hundred thousand. Kept by the same trigger function, in the same
 * transaction as the task row (migration NationalReads1796910000000). Open tasks are counted as one:
 * the reader takes those already past due from `task` (`ix_task_open_due`). Cancelled tasks are not
 * counted; empty string stands for "none" in the key columns.
 */
@Entity({ name: 'task_total' })
// A scope is "issued by or assigned to a unit in it": the primary key serves the first half, this the second.
@Index('ix_task_total_responsible_unit', ['responsibleUnitId'])
export class TaskTotalEntity {
  @PrimaryColumn({ name: 'issuing_unit_id', type: 'text', primaryKeyConstraintName: 'pk_task_total' })
  issuingUnitId: string;

  @PrimaryColumn({ name: 'responsible_unit_id', type: 'text', primaryKeyConstraintName: 'pk_task_total' })
  responsibleUnitId: string;

  @PrimaryColumn({ name: 'member_in_charge_id', type: 'text', primaryKeyConstraintName: 'pk_task_total' })
  memberInChargeId: string;

  @PrimaryColumn({ name: 'field_group', type: 'text', primaryKeyConstraintName: 'pk_task_total' })
  fieldGroup: string;

  /** The programme's term; '' for a task of no programme, '-' while its programme row is missing. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_task_total' })
  term: string;

  /** For a task of no programme (term ''), the year it is due in, Vietnam time, which places it in a term; else 0. */
  @PrimaryColumn({ name: 'due_year', type: 'smallint', primaryKeyConstraintName: 'pk_task_total' })
  dueYear: number;

  @Column({ name: 'done_on_time', type: 'integer', default: 0 })
  doneOnTime: number;

  @Column({ name: 'done_late', type: 'integer', default: 0 })
  doneLate: number;

  /** Not done and not cancelled, whatever the due date. */
  @Column({ type: 'integer', default: 0 })
  open: number;
}
