import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A URL prefix an admin allowed webhooks to be sent to; nothing else is ever called. */
@Entity({ name: 'webhook_allowlist_entry' })
@Unique('uq_webhook_allowlist_entry_prefix', ['urlPrefix'])
export class WebhookAllowlistEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_allowlist_entry' })
  id: string;

  @Column({ name: 'url_prefix', type: 'text' })
  urlPrefix: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
