import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { TaskSetup } from '../libs/domain/src';
import { taskWorkflowId } from '../libs/temporal/src/workflow-ids';
import { TASK_WORKFLOW_TYPE, TaskWorkflowInput, taskViewQuery } from '../workflows/src/task/definitions';
import { freePort } from './utils/free-port';
import { DevServer, startTemporalDevServer } from './utils/temporal-dev-server';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/** Tasks with reminders in this test, each reminded twice. */
const TASKS = 4;
/** When the reminders fall, after the tasks start (s); the server is down from when the tasks are assigned (a few seconds) to RESTART_AT_S. */
const REMINDERS_AT_S = [22, 28];
const RESTART_AT_S = 36;
const DUE_IN_S = 600;

/**
 * Fault: the Temporal server stopped with reminders pending and started again. A private dev server
 * (never the shared one) keeps its state in a SQLite file; the API, worker and notifier run against
 * it. Task workflows are started with reminder timers that fall due while the server is down. After
 * it returns, every reminder fires: none lost, none doubled, and the lateness of each is printed.
 */
describe('the Temporal server restarted with reminders pending (e2e)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-fault-temporal-'));
  const dbFilename = path.join(dir, 'temporal.db');
  let port: number;
  let server: DevServer | undefined;
  let stack: TestStack;

  beforeAll(async () => {
    port = await freePort();
    server = await startTemporalDevServer({ port, dbFilename });
    stack = await startTestStack({ TEMPORAL_ADDRESS: server.address });
    // A Temporal server and a whole stack to start: slow on a busy machine.
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function setupFor(taskId: string, start: number): TaskSetup {
    const dueAt = start + DUE_IN_S * 1000;
    return {
      taskId,
      programmeId: taskId.split('/')[0],
      code: taskId.split('/')[1],
      title: 'Rà soát quy hoạch cán bộ diện Ban Thường vụ quản lý',
      source: 'PROGRAMME',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      coordinatingUnitIds: [],
      assignerId: 'hg-cv1',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'party-building',
      issuingUnitId: 'hg-tu',
      isBreakthrough: false,
      dueAt: new Date(dueAt).toISOString(),
      // Exact offsets (with a clock part) count real time, not working days.
      reminderOffsets: REMINDERS_AT_S.map((s) => `PT${DUE_IN_S - s}S`),
      escalationOffsets: ['P1D'],
    };
  }

  const reminders = async (taskIds: string[]) =>
    (await stack.dataSource.query(
      `SELECT task_id AS "taskId", (payload->>'level')::int AS level, created_at AS "firedAt", idempotency_key AS key
         FROM notification WHERE task_id = ANY($1::text[]) AND kind = 'TASK_DUE_REMINDER'`,
      [taskIds],
    )) as Array<{ taskId: string; level: number; firedAt: Date; key: string }>;

  it('fires every reminder that fell due while it was down, once, after it returns', async () => {
    const client = stack.api.get(Client);
    const programmeId = `fault-temporal-${randomUUID().slice(0, 8)}`;
    const taskIds = Array.from({ length: TASKS }, (_, i) => `${programmeId}/T${i + 1}`);
    const start = Date.now();
    await Promise.all(
      taskIds.map((taskId) =>
        client.workflow.start(TASK_WORKFLOW_TYPE, {
          taskQueue: stack.taskQueue,
          workflowId: taskWorkflowId(taskId),
          args: [{ setup: setupFor(taskId, start), reportToWorkflowId: null } satisfies TaskWorkflowInput],
        }),
      ),
    );
    // Every task is running and told its person before the server goes.
    await eventually(async () => {
      const [{ n }] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE task_id = ANY($1::text[]) AND kind = 'TASK_ASSIGNED'`,
        [taskIds],
      );
      return n === TASKS;
    }, 'the tasks assigned');
    const stoppedAt = Date.now();
    expect(stoppedAt - start).toBeLessThan(REMINDERS_AT_S[0] * 1000 - 2000);
    await server!.stop();
    server = undefined;

    await new Promise((r) => setTimeout(r, start + RESTART_AT_S * 1000 - Date.now()));
    // Nothing fired while the server was down.
    expect(await reminders(taskIds)).toEqual([]);
    server = await startTemporalDevServer({ port, dbFilename });
    const restartedAt = Date.now();

    // Watch the inbox: when each reminder is first seen there is its delivery.
    const seenAt = new Map<string, number>();
    await eventually(
      async () => {
        for (const r of await reminders(taskIds)) if (!seenAt.has(r.key)) seenAt.set(r.key, Date.now());
        return seenAt.size >= TASKS * REMINDERS_AT_S.length;
      },
      'every reminder delivered after the restart',
      60_000,
    );
    // Time for a doubled reminder to show up.
    await new Promise((r) => setTimeout(r, 3000));
    const rows = await reminders(taskIds);
    const perTask = taskIds.map((taskId) =>
      rows
        .filter((r) => r.taskId === taskId)
        .map((r) => r.level)
        .sort(),
    );
    expect(perTask).toEqual(taskIds.map(() => [1, 2]));
    // The API's own client reconnected too: it reads a task's live state.
    const view = await client.workflow.getHandle(taskWorkflowId(taskIds[0])).query(taskViewQuery);
    expect([view.taskId, view.status]).toEqual([taskIds[0], 'ASSIGNED']);

    const lines = rows
      .sort((a, b) => a.taskId.localeCompare(b.taskId) || a.level - b.level)
      .map((r) => {
        const due = start + REMINDERS_AT_S[r.level - 1] * 1000;
        const fired = new Date(r.firedAt).getTime() - due;
        return `${r.taskId} reminder ${r.level}: fired ${fired} ms late, delivered ${seenAt.get(r.key)! - due} ms late`;
      });
    console.log(
      [
        `Temporal down for ${restartedAt - stoppedAt} ms (reminders due ${REMINDERS_AT_S.map((s) => `${s} s`).join(', ')} after the start, server back at ${Math.round((restartedAt - start) / 100) / 10} s):`,
        ...lines,
      ].join('\n'),
    );
    // Nothing fired early, and all of it soon after the server returned.
    for (const r of rows) {
      const due = start + REMINDERS_AT_S[r.level - 1] * 1000;
      expect(new Date(r.firedAt).getTime()).toBeGreaterThanOrEqual(due);
      expect(seenAt.get(r.key)! - restartedAt).toBeLessThan(60_000);
    }
  }, 240_000);
});
