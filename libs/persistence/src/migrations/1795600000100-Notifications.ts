// Notifications (issue 5): per-channel delivery bookkeeping, daily digests, webhook allowlist and unit webhooks, person channel preferences.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795600000100 implements MigrationInterface {
  name = 'Notifications1795600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_key" text NOT NULL, "event_key" text NOT NULL, "channel" text NOT NULL, "target_id" text NOT NULL, "address" text NOT NULL, "receipt" text, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_notification_delivery_key" UNIQUE ("delivery_key"), CONSTRAINT "pk_notification_delivery" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_delivery_event" ON "notification_delivery" ("event_key") `);
    await queryRunner.query(
      `CREATE TABLE "notification_digest_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_key" text NOT NULL, "person_id" text NOT NULL, "day" date NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "digest_seq" integer, CONSTRAINT "uq_notification_digest_item_key" UNIQUE ("item_key"), CONSTRAINT "pk_notification_digest_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notification_digest_item_pending" ON "notification_digest_item" ("person_id", "day", "digest_seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_digest" ("person_id" text NOT NULL, "day" date NOT NULL, "seq" integer NOT NULL, "item_count" integer NOT NULL, "address" text NOT NULL, "receipt" text, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notification_digest" PRIMARY KEY ("person_id", "day", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "unit_webhook" ("unit_id" text NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_unit_webhook" PRIMARY KEY ("unit_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_allowlist_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url_prefix" text NOT NULL, "note" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_webhook_allowlist_entry_prefix" UNIQUE ("url_prefix"), CONSTRAINT "pk_webhook_allowlist_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD "notification_channels" text array NOT NULL DEFAULT '{IN_APP,EMAIL}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_webhook" ADD CONSTRAINT "fk_unit_webhook_unit" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_webhook" DROP CONSTRAINT "fk_unit_webhook_unit"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "notification_channels"`);
    await queryRunner.query(`DROP TABLE "webhook_allowlist_entry"`);
    await queryRunner.query(`DROP TABLE "unit_webhook"`);
    await queryRunner.query(`DROP TABLE "notification_digest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_digest_item_pending"`);
    await queryRunner.query(`DROP TABLE "notification_digest_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_delivery_event"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
  }
}
