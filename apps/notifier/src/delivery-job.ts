import type { Job } from 'bullmq';
import type { QueueName } from '@app/notifications';

/** A job bound to one queue: validates its payload and calls one service. Safe to run twice. */
export interface DeliveryJob<T = unknown> {
  readonly queue: QueueName;
  process(job: Job<T>): Promise<unknown>;
}

export const DELIVERY_JOBS = Symbol('DELIVERY_JOBS');
