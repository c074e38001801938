// The national benchmark's worker bundle: every workflow the worker registers, and a timer loop.
import { sleep } from '@temporalio/workflow';

export * from '../../workflows/src/index';

/** `timers` durable timers of `ms` each, one after another: one workflow task per timer that fires. */
export async function benchTimersWorkflow(timers: number, ms: number): Promise<void> {
  for (let i = 0; i < timers; i++) await sleep(ms);
}
