import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { programmeViewQuery } from '../workflows/src/programme/definitions';
import { AppProcess, FaultPointsDir, SPAWNING_TIMEOUT_MS, spawnApp, stopProcess } from './utils/fault-processes';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Fault: the worker SIGKILLed inside the projection activity. The worker runs as its own process;
 * a fault point (FAULT_POINTS_DIR, tests only) holds the programme projection of one programme
 * inside its transaction (rows written, nothing committed) and of another after it committed and
 * enqueued its notifications (the activity not yet reported complete). The test waits until both
 * are held, kills the worker with SIGKILL, and starts a new one: Temporal retries both activities
 * once their start-to-close timeout (30 s) passes, and each action has exactly one effect.
 */
describe('the worker killed during the projection activity (e2e)', () => {
  const faults = new FaultPointsDir();
  let stack: TestStack;
  let worker: AppProcess | undefined;
  let workerEnv: NodeJS.ProcessEnv;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
    const bundlePath = path.join(faults.dir, 'workflow-bundle.js');
    writeFileSync(bundlePath, stack.workflowBundle.code);
    workerEnv = { ...process.env, TEMPORAL_TASK_QUEUE: stack.taskQueue, WORKFLOW_BUNDLE_PATH: bundlePath };
    worker = await spawnApp('worker', { ...workerEnv, FAULT_POINTS_DIR: faults.dir });
  }, SPAWNING_TIMEOUT_MS);

  afterAll(async () => {
    await stopProcess(worker?.child, 'SIGKILL');
    await stack?.close();
    faults.remove();
  });

  async function ok(username: string, id: string, action: string, payload: object): Promise<void> {
    const res = await stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(auth(await stack.login(username)))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function createInDrafting(id: string): Promise<void> {
    const created = await stack
      .http()
      .post('/programmes')
      .set(auth(await stack.login('chuyenvien.hg')))
      .send({
        id,
        templateId: 'work-programme',
        title: 'Chương trình công tác năm 2027 của Tỉnh ủy',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'party-building',
        term: '2027-2027',
      });
    expect(created.status).toBe(201);
    await ok('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'lần 1' });
  }

  const count = async (sql: string, params: unknown[]) =>
    ((await stack.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  /** What one openConsultation left in the read model. */
  async function effects(id: string) {
    const [row] = await stack.dataSource.query(`SELECT phase, projection_seq AS version FROM programme WHERE id = $1`, [
      id,
    ]);
    return {
      phase: row.phase as string,
      version: Number(row.version),
      audits: await count(
        `SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1 AND action = 'openConsultation'`,
        [id],
      ),
      phaseRows: await count(
        `SELECT count(*)::int AS n FROM programme_phase_history WHERE programme_id = $1 AND phase = 'CONSULTATION'`,
        [id],
      ),
      invitations: await count(
        `SELECT count(*)::int AS n FROM notification WHERE programme_id = $1 AND kind = 'CONSULTATION_INVITATION'`,
        [id],
      ),
    };
  }

  /** The projection attempts Temporal recorded for the programme: a retried activity shows attempt 2. */
  async function projectionAttempts(id: string): Promise<number[]> {
    const history = await stack.api.get(Client).workflow.getHandle(`programme/${id}`).fetchHistory();
    return (history.events ?? [])
      .filter((e) => e.activityTaskStartedEventAttributes)
      .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 1);
  }

  it(
    'has one row version, one audit event and one notification per action after a SIGKILL and a restart',
    async () => {
      const inTransaction = `fault-worker-tx-${randomUUID().slice(0, 8)}`;
      const afterEffects = `fault-worker-fx-${randomUUID().slice(0, 8)}`;
      await Promise.all([createInDrafting(inTransaction), createInDrafting(afterEffects)]);
      for (const id of [inTransaction, afterEffects])
        await eventually(
          async () => (await count(`SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1`, [id])) >= 1,
          `the draft of ${id} projected`,
        );

      faults.arm('programme-projection.in-transaction', inTransaction);
      faults.arm('programme-projection.after-effects', afterEffects);
      await ok('chuyenvien.hg', inTransaction, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
      await ok('chuyenvien.hg', afterEffects, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
      const heldTx = await faults.held<{ version: number }>('programme-projection.in-transaction', inTransaction);
      const heldFx = await faults.held<{ version: number }>('programme-projection.after-effects', afterEffects);

      await stopProcess(worker!.child, 'SIGKILL');
      worker = undefined;
      // Killed inside the transaction: nothing of the action committed. Killed after the effects: all of it was.
      expect(await effects(inTransaction)).toMatchObject({ phase: 'DRAFTING', audits: 0, phaseRows: 0 });
      expect(await effects(afterEffects)).toMatchObject({
        phase: 'CONSULTATION',
        version: heldFx.version,
        audits: 1,
        phaseRows: 1,
      });

      faults.release('programme-projection.in-transaction', inTransaction);
      faults.release('programme-projection.after-effects', afterEffects);
      worker = await spawnApp('worker', workerEnv);

      const client = stack.api.get(Client);
      for (const [id, held] of [
        [inTransaction, heldTx],
        [afterEffects, heldFx],
      ] as const) {
        // The retry (after the 30 s start-to-close timeout) runs the same projection again.
        await eventually(
          async () => {
            const e = await effects(id);
            return e.phase === 'CONSULTATION' && e.invitations >= 1 && (await projectionAttempts(id)).includes(2);
          },
          `the projection of ${id} retried after the kill`,
          90_000,
        );
        const live = await client.workflow.getHandle(`programme/${id}`).query(programmeViewQuery);
        expect(live.state.version).toBe(held.version);
      }
      // Time for a doubled effect (a second notification job, a second audit row) to show up.
      await new Promise((r) => setTimeout(r, 3000));
      for (const [id, held] of [
        [inTransaction, heldTx],
        [afterEffects, heldFx],
      ] as const)
        expect(await effects(id)).toEqual({
          phase: 'CONSULTATION',
          version: held.version,
          audits: 1,
          phaseRows: 1,
          invitations: 1,
        });
      expect(await projectionAttempts(inTransaction)).toContain(2);
      expect(await projectionAttempts(afterEffects)).toContain(2);
    },
    SPAWNING_TIMEOUT_MS,
  );
});
