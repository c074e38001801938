import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';

/**
 * A post a person holds in a unit from `startsOn` to `endsOn` (inclusive; null = open): a history,
 * never overwritten. The person's current unit, roles and fields (`person`) follow their current
 * positions (see docs/decisions/0012-positions-and-roles.md).
 */
@Entity({ name: 'position' })
@Index('ix_position_person', ['personId', 'startsOn'])
@Index('ix_position_unit', ['unitId', 'startsOn'])
@Check('chk_position_dates', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check('chk_position_seat', `"seat" IS NULL OR "seat" IN ('HEAD', 'STANDING_DEPUTY', 'CHAIR')`)
@Exclusion(
  'ex_position_seat',
  `USING gist ("unit_id" WITH =, "seat" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("seat" IS NOT NULL)`,
)
export class PositionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_position' })
  id: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_position_person' })
  person?: PersonEntity;

  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_position_unit' })
  unit?: OrgUnitEntity;

  /** As the post is called, e.g. "Phó Bí thư Thường trực". */
  @Column({ type: 'text' })
  title: string;

  /** The `Role` values the post grants at its unit (never ADMIN or SYSTEM_ADMIN: those are the account's). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  /** A single-holder seat of the unit (`Seat`), or null when several may hold such a post at once. */
  @Column({ type: 'text', nullable: true })
  seat: string | null;

  /** Fields of responsibility (committee members). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
