import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/** A unit's webhook: every notification to one of its people is also POSTed here, signed with the secret. */
@Entity({ name: 'unit_webhook' })
export class UnitWebhookEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'text', primaryKeyConstraintName: 'pk_unit_webhook' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_unit_webhook_unit' })
  unit?: OrgUnitEntity;

  @Column({ type: 'text' })
  url: string;

  /** HMAC key set by an admin through the API; never returned by it. */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
