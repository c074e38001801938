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
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';

/**
 * One entry of the resolution registry: a resolution, directive, conclusion, decision, regulation,
 * plan or project, as issued by one of the product's units or by a central body outside it. Its
 * number is unique per issuing body; it may implement a higher entry (lineage) and, once ended, name
 * the entry that replaced it. Rows are never deleted: programmes and lower entries point at them.
 */
@Entity({ name: 'resolution' })
@Unique('uq_resolution_unit_number', ['issuingUnitId', 'number'])
@Unique('uq_resolution_body_number', ['externalBody', 'number'])
@Index('ix_resolution_implements', ['implementsId'])
@Index('ix_resolution_signed_on', ['signedOn'])
@Index('ix_resolution_member_in_charge', ['memberInChargeId'])
@Check('chk_resolution_issuer', `("issuing_unit_id" IS NULL) <> ("external_body" IS NULL)`)
@Check(
  'chk_resolution_kind',
  `"kind" IN ('RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION', 'REGULATION', 'PLAN', 'PROJECT')`,
)
@Check('chk_resolution_level', `"level" IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')`)
@Check('chk_resolution_status', `"status" IN ('IN_FORCE', 'REPLACED', 'EXPIRED')`)
@Check('chk_resolution_replaced', `("status" = 'REPLACED') = ("replaced_by_id" IS NOT NULL)`)
export class ResolutionEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_resolution' })
  id: string;

  @Column({ type: 'text' })
  kind: string;

  /** The number as written, normalised (e.g. 13-NQ/TW, 05-ĐA/TU). */
  @Column({ type: 'text' })
  number: string;

  /** The unit that issued it, when it is one of the product's units. */
  @Column({ name: 'issuing_unit_id', type: 'text', nullable: true })
  issuingUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuing_unit_id', foreignKeyConstraintName: 'fk_resolution_issuing_unit' })
  issuingUnit?: OrgUnitEntity;

  /** The central body that issued it (POLITBURO, CENTRAL_COMMITTEE, ...), when no unit did. */
  @Column({ name: 'external_body', type: 'text', nullable: true })
  externalBody: string | null;

  /** CENTRAL, PROVINCIAL or COMMUNE: derived from the issuing body when written. */
  @Column({ type: 'text' })
  level: string;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Column({ type: 'text' })
  title: string;

  /** A field group's key (economy, agriculture, ...): a managed list of field groups replaces the text later. */
  @Column({ name: 'field_group', type: 'text' })
  fieldGroup: string;

  @Column({ name: 'member_in_charge_id', type: 'text', nullable: true })
  memberInChargeId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_in_charge_id', foreignKeyConstraintName: 'fk_resolution_member_in_charge' })
  memberInCharge?: PersonEntity;

  @Column({ type: 'text', default: 'IN_FORCE' })
  status: string;

  /** The entry that replaced this one (status REPLACED only). */
  @Column({ name: 'replaced_by_id', type: 'text', nullable: true })
  replacedById: string | null;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'fk_resolution_replaced_by' })
  replacedBy?: ResolutionEntity;

  /** The higher entry this one implements. */
  @Column({ name: 'implements_id', type: 'text', nullable: true })
  implementsId: string | null;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'implements_id', foreignKeyConstraintName: 'fk_resolution_implements' })
  implements?: ResolutionEntity;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
