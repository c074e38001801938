import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export const ORG_CHANGE_STATUSES = ['SCHEDULED', 'APPLYING', 'DONE'] as const;
export type OrgChangeStatus = (typeof ORG_CHANGE_STATUSES)[number];

export interface OrgChangeAppliedEffects {
  reparented: Array<{ unitId: string; from: string | null; to: string | null }>;
  movedPeople: Array<{ personId: string; from: string; to: string; droppedHead: boolean }>;
}

/** A restructuring (merger, split, renaming, abolished level), its request and its progress. */
@Entity({ name: 'org_change' })
@Unique('uq_org_change_request', ['requestId'])
@Check('chk_org_change_kind', `"kind" IN ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH_LEVEL')`)
@Check('chk_org_change_status', `"status" IN ('SCHEDULED', 'APPLYING', 'DONE')`)
export class OrgChangeEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_org_change' })
  id: string;

  /** The client's request id: the same id again answers with this change and does nothing more. */
  @Column({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  /** SCHEDULED until its date, APPLYING while running workflows learn of it, DONE when the read model agrees. */
  @Column({ type: 'text', default: 'SCHEDULED' })
  status: OrgChangeStatus;

  @Column({ type: 'text' })
  reason: string;

  /** The request as accepted (units, new units, items). */
  @Column({ type: 'jsonb' })
  request: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  /** What taking effect did besides the predecessors' status: units moved under another parent, people moved. */
  @Column({ name: 'applied_effects', type: 'jsonb', nullable: true })
  appliedEffects: OrgChangeAppliedEffects | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** A predecessor of a change and the unit that takes over its work (a unit is restructured once). */
@Entity({ name: 'org_change_unit' })
@Unique('uq_org_change_unit_unit', ['unitId'])
@Index('ix_org_change_unit_successor', ['successorId'])
export class OrgChangeUnitEntity {
  @PrimaryColumn({ name: 'change_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_unit' })
  changeId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_unit' })
  unitId: string;

  @Column({ name: 'successor_id', type: 'text' })
  successorId: string;
}

/** An open programme or task sent to another unit than its predecessor's default successor. */
@Entity({ name: 'org_change_item' })
@Check('chk_org_change_item_kind', `"kind" IN ('PROGRAMME', 'TASK')`)
export class OrgChangeItemEntity {
  @PrimaryColumn({ name: 'change_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_item' })
  changeId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_org_change_item' })
  kind: 'PROGRAMME' | 'TASK';

  @PrimaryColumn({ name: 'item_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_item' })
  itemId: string;

  @Column({ name: 'successor_id', type: 'text' })
  successorId: string;

  @Column({ name: 'responsible_person_id', type: 'text', nullable: true })
  responsiblePersonId: string | null;
}

/** A workflow the fan-out told, or skipped (it had closed since the read model saw it open): one row each. */
@Entity({ name: 'org_change_workflow' })
@Check('chk_org_change_workflow_outcome', `"outcome" IN ('UPDATED', 'SKIPPED')`)
export class OrgChangeWorkflowEntity {
  @PrimaryColumn({ name: 'change_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_workflow' })
  changeId: string;

  @PrimaryColumn({ name: 'workflow_id', type: 'text', primaryKeyConstraintName: 'pk_org_change_workflow' })
  workflowId: string;

  /** PROGRAMME, TASK or CYCLE. */
  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'text' })
  outcome: 'UPDATED' | 'SKIPPED';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
