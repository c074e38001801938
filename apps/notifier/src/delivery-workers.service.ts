import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { bullConnection } from '@app/notifications';
import { inConsumerSpan } from '@app/observability/trace-context';
import { DELIVERY_JOBS, DeliveryJob } from './delivery-job';
import { MAIL_TRANSPORT, MailTransport } from './email/mail-transport';
import { NOTIFIER_CONFIG, NotifierConfig } from './notifier.config';
import { NOTIFIER_METRICS, NotifierMetrics } from './notifier-metrics';

/**
 * One BullMQ worker per notifier queue, built from the validated config (concurrency, lock time),
 * started once the app is up and drained on shutdown: active jobs finish, then connections (and the SMTP pool) close.
 */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorkers');
  private workers: Worker[] = [];

  constructor(
    @Inject(DELIVERY_JOBS) private readonly jobs: DeliveryJob[],
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(NOTIFIER_METRICS) private readonly metrics: NotifierMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = this.jobs.map((handler) => {
      const worker = new Worker(handler.queue, (job) => this.process(handler, job), {
        connection: bullConnection(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: handler.internal ? this.config.NOTIFIER_DISPATCH_CONCURRENCY : this.config.NOTIFIER_CONCURRENCY,
        lockDuration: this.config.NOTIFIER_LOCK_MS,
        stalledInterval: Math.max(500, Math.floor(this.config.NOTIFIER_LOCK_MS / 2)),
        // A job whose notifier died is taken over; only a job that keeps killing notifiers fails.
        maxStalledCount: 3,
      });
      worker.on('completed', () => this.metrics.jobs.inc({ queue: handler.queue, outcome: 'completed' }));
      worker.on('failed', (job, err) => {
        this.metrics.jobs.inc({ queue: handler.queue, outcome: 'failed' });
        this.logFailure(handler.queue, job, err);
      });
      worker.on('error', (err) => this.logger.error(`queue ${handler.queue}: ${err.message}`));
      return worker;
    });
    this.logger.log(`working on ${this.jobs.map((j) => j.queue).join(', ')}`);
  }

  /**
   * The SMTP pool closes only once every worker has drained (`close()` waits for its running jobs), so
   * no job can still be sending through it; one worker failing to close does not cut the others short.
   */
  async onApplicationShutdown(): Promise<void> {
    const closed = await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers = [];
    this.mail.close();
    for (const c of closed)
      if (c.status === 'rejected') this.logger.error(`a queue worker did not close: ${String(c.reason)}`);
  }

  /**
   * Each attempt in a span continuing the trace the job carries (the event's `traceparent`, at the top
   * of a notification or inside a delivery's `event`); with tracing off the span records nothing.
   */
  private process(handler: DeliveryJob, job: Job): Promise<unknown> {
    const data = job.data as { traceparent?: unknown; event?: { traceparent?: unknown } } | undefined;
    const traceparent = data?.traceparent ?? data?.event?.traceparent;
    return inConsumerSpan(
      handler.queue,
      typeof traceparent === 'string' ? traceparent : undefined,
      {
        'messaging.system': 'bullmq',
        'messaging.message.id': job.id ?? '',
        'messaging.bullmq.attempt': job.attemptsMade + 1,
      },
      () => handler.process(job),
    );
  }

  /** Every failed attempt is logged with the job and its reason; the last one as an error. */
  private logFailure(queue: string, job: Job | undefined, err: Error): void {
    const attempts = job?.opts.attempts ?? 1;
    const final =
      err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || (job?.attemptsMade ?? 0) >= attempts;
    const msg = `queue ${queue} job ${job?.id ?? '?'} attempt ${job?.attemptsMade ?? '?'}/${attempts} failed: ${err.message}`;
    if (final) this.logger.error(`${msg}; in the failed set until an admin retries it`);
    else this.logger.warn(`${msg}; will retry`);
  }
}
