import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A digest e-mail that was sent: the n-th (seq) of one person's day. */
@Entity({ name: 'notification_digest' })
@Index('ix_notification_digest_day', ['day'])
export class NotificationDigestEntity {
  @PrimaryColumn({ name: 'person_id', type: 'text', primaryKeyConstraintName: 'pk_notification_digest' })
  personId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_notification_digest' })
  day: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_notification_digest' })
  seq: number;

  @Column({ name: 'item_count', type: 'int' })
  itemCount: number;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
