import {
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
 * A field group (nhóm lĩnh vực) of a province's managed list, with its supervising Standing Committee
 * member. Programmes, registry entries and tasks store its `code`, unique in the province and never
 * changed; a group is retired, never deleted, so what named it keeps its meaning.
 */
@Entity({ name: 'field_group' })
@Unique('uq_field_group_province_code', ['provinceId', 'code'])
@Index('ix_field_group_supervisor', ['supervisorId'])
export class FieldGroupEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_field_group' })
  id: string;

  /** The province (root unit) whose list it belongs to. */
  @Column({ name: 'province_id', type: 'text' })
  provinceId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id', foreignKeyConstraintName: 'fk_field_group_province' })
  province?: OrgUnitEntity;

  /** The key stored by what names the group, e.g. `economy`. */
  @Column({ type: 'text' })
  code: string;

  /** In Vietnamese, e.g. "Kinh tế", "Văn hóa – Xã hội". */
  @Column({ type: 'text' })
  name: string;

  /** The supervising Standing Committee member; null while the seat is vacant (groups kept from free text). */
  @Column({ name: 'supervisor_id', type: 'text', nullable: true })
  supervisorId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id', foreignKeyConstraintName: 'fk_field_group_supervisor' })
  supervisor?: PersonEntity;

  /** When it was retired: nothing new names it from then on. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
