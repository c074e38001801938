import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** Where a unit stands after restructurings; ACTIVE until one ends it. */
export const ORG_UNIT_STATUSES = ['ACTIVE', 'MERGED', 'SPLIT', 'ABOLISHED'] as const;
export type OrgUnitStatus = (typeof ORG_UNIT_STATUSES)[number];

@Entity({ name: 'org_unit' })
@Index('ix_org_unit_parent', ['parentId'])
@Index('ix_org_unit_successor', ['successorId'])
@Unique('uq_org_unit_code', ['code'])
@Check('chk_org_unit_status', `"status" IN ('ACTIVE', 'MERGED', 'SPLIT', 'ABOLISHED')`)
@Check('chk_org_unit_validity', `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`)
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_org_unit' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_unit_parent' })
  parent?: OrgUnitEntity;

  /** The administered key (imports, people and documents use it); null only for rows made before codes. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  /** First day the unit exists (inclusive); null = before records began. */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  /** Last day the unit exists (inclusive); null = still valid. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: OrgUnitStatus;

  /** The unit that took over this one's work (merger, renaming, abolition of a level). */
  @Column({ name: 'successor_id', type: 'text', nullable: true })
  successorId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'fk_org_unit_successor' })
  successor?: OrgUnitEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
