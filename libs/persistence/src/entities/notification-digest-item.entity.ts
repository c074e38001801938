import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A reminder waiting for (or sent in) a person's daily e-mail digest; rendered in their language. */
@Entity({ name: 'notification_digest_item' })
@Unique('uq_notification_digest_item_key', ['itemKey'])
@Index('ix_notification_digest_item_pending', ['personId', 'day', 'digestSeq'])
@Index('ix_notification_digest_item_day', ['day'])
export class NotificationDigestItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification_digest_item' })
  id: string;

  /** `<event key>@<person>`: one item per reminder and person. */
  @Column({ name: 'item_key', type: 'text' })
  itemKey: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  /** Calendar day in Asia/Ho_Chi_Minh the reminder belongs to. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Which of that day's digests carried it; null while waiting. */
  @Column({ name: 'digest_seq', type: 'int', nullable: true })
  digestSeq: number | null;
}
