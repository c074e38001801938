import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { NOTIFIER_QUEUES, QueueName } from '@app/notifications';

export interface FailedDelivery {
  queue: QueueName;
  jobId: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  attempts: number;
  enqueuedAt: string;
  failedAt: string | null;
  /** The notification's idempotency key and who it was for, when the payload says. */
  eventKey: string | null;
  target: string | null;
}

/** The notifier's failed set across its queues: list with reasons, retry one job or a whole queue. */
@Injectable()
export class FailedDeliveriesService {
  private readonly queues: Map<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.NOTIFICATIONS) dispatch: Queue,
    @InjectQueue(QueueName.NOTIFICATION_IN_APP) inApp: Queue,
    @InjectQueue(QueueName.NOTIFICATION_EMAIL) email: Queue,
    @InjectQueue(QueueName.NOTIFICATION_DIGEST) digest: Queue,
    @InjectQueue(QueueName.NOTIFICATION_WEBHOOK) webhook: Queue,
  ) {
    this.queues = new Map([dispatch, inApp, email, digest, webhook].map((q) => [q.name as QueueName, q]));
  }

  /** Every notifier queue, for Bull Board. */
  all(): Queue[] {
    return NOTIFIER_QUEUES.map((name) => this.queue(name));
  }

  async list(
    only: QueueName | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: FailedDelivery[]; total: number }> {
    const names = only ? [only] : NOTIFIER_QUEUES;
    const counts = await Promise.all(names.map((n) => this.queue(n).getFailedCount()));
    const items: FailedDelivery[] = [];
    let skip = offset;
    for (const [i, name] of names.entries()) {
      if (items.length >= limit) break;
      if (skip >= counts[i]) {
        skip -= counts[i];
        continue;
      }
      const jobs = await this.queue(name).getFailed(skip, skip + (limit - items.length) - 1);
      skip = 0;
      items.push(...jobs.map((j) => describe(name, j as Job)));
    }
    return { items, total: counts.reduce((a, b) => a + b, 0) };
  }

  async retry(queueName: QueueName, jobId?: string): Promise<{ retried: string[] }> {
    const queue = this.queue(queueName);
    if (jobId === undefined) {
      const failed = await queue.getFailed(0, -1);
      await queue.retryJobs({ state: 'failed', count: 1000 });
      return { retried: failed.map((j) => j.id!) };
    }
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundException(`no failed job ${jobId} in queue ${queueName}`);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return { retried: [jobId] };
  }

  private queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }
}

function describe(queue: QueueName, job: Job): FailedDelivery {
  const data = (job.data ?? {}) as { key?: unknown; event?: { key?: unknown }; personId?: unknown; unitId?: unknown };
  const eventKey =
    typeof data.key === 'string' ? data.key : typeof data.event?.key === 'string' ? data.event.key : null;
  const target =
    typeof data.personId === 'string' ? data.personId : typeof data.unitId === 'string' ? `unit ${data.unitId}` : null;
  return {
    queue,
    jobId: job.id!,
    name: job.name,
    failedReason: job.failedReason,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    enqueuedAt: new Date(job.timestamp).toISOString(),
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    eventKey,
    target,
  };
}
