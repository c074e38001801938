import { int, loadConfig, sharedConfigSpec, str, url } from '@app/config';
import { opsConfigSpec } from '@app/observability/ops.config';

export const notifierConfigSpec = {
  ...sharedConfigSpec,
  ...opsConfigSpec(9466),
  NOTIFIER_CONCURRENCY: int(
    'e-mail, digest and webhook jobs processed at once per queue; also the SMTP connections the e-mail and digest jobs share',
    10,
    1,
    500,
  ),
  NOTIFIER_DISPATCH_CONCURRENCY: int(
    'dispatch jobs (and in-app jobs queued by earlier versions) processed at once; they only touch Postgres and Redis and share statements, so more at once means fewer round trips per delivery',
    100,
    1,
    1000,
  ),
  NOTIFIER_LOCK_MS: int(
    "how long a job stays locked to a notifier; a killed notifier's jobs are taken over after it",
    30_000,
    1000,
    600_000,
  ),
  NOTIFIER_ATTEMPTS: int('delivery attempts before a job goes to the failed set', 8, 1, 50),
  NOTIFIER_BACKOFF_MS: int('first retry delay; doubled on each further attempt', 1000, 10, 3_600_000),
  SMTP_URL: url(
    'SMTP server (smtp:// or smtps://, credentials in the URL)',
    ['smtp', 'smtps'],
    'smtp://127.0.0.1:1025',
  ),
  MAIL_FROM: str(
    'sender of notification e-mails',
    'Hệ thống chương trình hành động <no-reply@action-programmes.local>',
  ),
  DIGEST_DELAY_MS: int(
    'how long reminders are collected before a digest e-mail goes out',
    10 * 60_000,
    0,
    24 * 3600_000,
  ),
  NOTIFICATION_RETENTION_DAYS: int(
    'days delivery and digest rows are kept before the daily clean-up deletes them (0: never)',
    90,
    0,
    3650,
  ),
  WEBHOOK_TIMEOUT_MS: int('how long a webhook receiver may take to answer', 5000, 100, 60_000),
};

export type NotifierConfig = ReturnType<typeof loadNotifierConfig>;
export const NOTIFIER_CONFIG = Symbol('NOTIFIER_CONFIG');
export const loadNotifierConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(notifierConfigSpec, env);
