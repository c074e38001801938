import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One row per e-mail or webhook that left the system, keyed by its delivery key
 * (`<event key>@<person>~email`, `<event key>@unit-<unit>~webhook`): a re-run job sees it and skips.
 */
@Entity({ name: 'notification_delivery' })
@Unique('uq_notification_delivery_key', ['deliveryKey'])
@Index('ix_notification_delivery_event', ['eventKey'])
@Index('ix_notification_delivery_delivered_at', ['deliveredAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification_delivery' })
  id: string;

  @Column({ name: 'delivery_key', type: 'text' })
  deliveryKey: string;

  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ type: 'text' })
  channel: string;

  /** The person or unit it went to. */
  @Column({ name: 'target_id', type: 'text' })
  targetId: string;

  /** Where: the e-mail address or webhook URL used. */
  @Column({ type: 'text' })
  address: string;

  /** What the far side answered: SMTP message id, HTTP status. */
  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', default: () => 'now()' })
  deliveredAt: Date;
}
