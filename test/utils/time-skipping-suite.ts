/**
 * The time-skipping environment as a Jest suite helper (it registers beforeAll/afterAll), kept apart
 * from time-skipping-env.ts so that benchmarks, built without Jest, can import that file.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowClient } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '../../libs/temporal/src/workflow-bundle';
import { createTimeSkippingEnv, installQuietRuntime, quietLogger } from './time-skipping-env';

export interface TimeSkippingSuite {
  /** The server of this test file (set before its tests run). */
  readonly env: TestWorkflowEnvironment;
  /** A worker on a task queue of its own, with the real workflow code. */
  startWorker(activities: object): Promise<{ worker: Worker; taskQueue: string }>;
  /** Skips server time to a little after `instant`, so that timers due then have fired. */
  skipTo(instant: number, slackMs?: number): Promise<void>;
  /** A workflow's result, waited for without the test client's result(), which lets the server skip years meanwhile. */
  result<T>(workflowId: string): Promise<T>;
}

/**
 * Starts a time-skipping server and bundles the workflows before the tests of the calling file, and
 * stops the server after them. The server's clock is shared by the file's tests and only moves forward.
 */
export function useTimeSkippingEnv(): TimeSkippingSuite {
  let env: TestWorkflowEnvironment | undefined;
  let workflowBundle: { code: string };
  beforeAll(async () => {
    installQuietRuntime();
    [env, workflowBundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger() }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });
  const suite: TimeSkippingSuite = {
    get env() {
      if (!env) throw new Error('the time-skipping server is not started yet');
      return env;
    },
    async startWorker(activities) {
      const taskQueue = `test-${randomUUID()}`;
      const worker = await Worker.create({
        connection: suite.env.nativeConnection,
        taskQueue,
        workflowBundle,
        activities,
      });
      return { worker, taskQueue };
    },
    result: (workflowId) => new WorkflowClient({ connection: suite.env.connection }).getHandle(workflowId).result(),
    async skipTo(instant, slackMs = 60_000) {
      const now = await suite.env.currentTimeMs();
      if (instant + slackMs > now) await suite.env.sleep(instant + slackMs - now);
    },
  };
  return suite;
}
