import type { Job } from 'bullmq';
import type { QueueName } from '@app/notifications';

/** A job bound to one queue: validates its payload and calls one service. Safe to run twice. */
export interface DeliveryJob<T = unknown> {
  readonly queue: QueueName;
  /**
   * Jobs that reach only Postgres and Redis run at NOTIFIER_DISPATCH_CONCURRENCY: their statements are
   * shared by the jobs waiting at the same moment, so many at once cost little. The others call an
   * SMTP server or a unit's receiver, which NOTIFIER_CONCURRENCY protects from too many at once.
   */
  readonly internal?: boolean;
  process(job: Job<T>): Promise<unknown>;
}

export const DELIVERY_JOBS = Symbol('DELIVERY_JOBS');
