import type { JobsOptions } from 'bullmq';
import type { NotifierConfig } from './notifier.config';

export const DELIVERY_JOB_OPTIONS = Symbol('DELIVERY_JOB_OPTIONS');

/**
 * Options of every job the notifier enqueues: bounded attempts with exponential backoff, completed
 * jobs kept a week (so their ids still de-duplicate), failed ones kept until an admin acts.
 */
export function deliveryJobOptions(
  config: Pick<NotifierConfig, 'NOTIFIER_ATTEMPTS' | 'NOTIFIER_BACKOFF_MS'>,
): JobsOptions {
  return {
    attempts: config.NOTIFIER_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.NOTIFIER_BACKOFF_MS },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: false,
  };
}
