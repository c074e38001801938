import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { migrate, recreateDatabase } from '../libs/persistence/src';
import { FaultPointsDir } from './utils/fault-processes';
import { eventually } from './utils/eventually';
import { PrivatePostgres } from './utils/private-services';
import { startTestStack, TestStack } from './utils/test-stack';

/** How long Postgres stays stopped. */
const OUTAGE_MS = 60_000;
/** How often staff try to act during it. */
const ATTEMPT_EVERY_MS = 5_000;

/**
 * Fault: Postgres stopped for 60 s while staff act. Postgres is a private cluster (the machine's
 * shared one is never stopped). Two actions were accepted by Temporal just before the outage and
 * their projections are held by a fault point inside their transactions until Postgres is stopped
 * under them; during the outage every staff action and read answers 503 with Retry-After (never
 * 500) and changes nothing; the projection activities retry with their backoff, and once Postgres
 * returns the read model converges: every accepted action and every retried one has one effect.
 */
describe('Postgres stopped for 60 s while staff act (e2e)', () => {
  const postgres = new PrivatePostgres();
  const faults = new FaultPointsDir();
  let stack: TestStack;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await postgres.init();
    const databaseUrl = `${postgres.url}/ap_faults_outage_test`;
    await recreateDatabase(databaseUrl);
    await migrate(databaseUrl);
    stack = await startTestStack({ DATABASE_URL: databaseUrl, FAULT_POINTS_DIR: faults.dir }, { notifier: false });
    token = await stack.login('chuyenvien.hg');
    // A Postgres cluster and a whole stack to start: slow on a busy machine.
  }, 240_000);

  afterAll(async () => {
    await stack?.close().catch(() => undefined);
    postgres.destroy();
    faults.remove();
  });

  const act = (id: string, action: string, payload: object, requestId: string = randomUUID()) =>
    stack.http().post(`/programmes/${id}/actions/${action}`).set(auth()).send({ requestId, payload });

  async function createInDrafting(id: string): Promise<void> {
    const created = await stack.http().post('/programmes').set(auth()).send({
      id,
      templateId: 'work-programme',
      title: 'Chương trình công tác quý I năm 2027 của Tỉnh ủy',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'party-building',
      term: '2027-2027',
    });
    expect(created.status).toBe(201);
    expect((await act(id, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'lần 1' })).status).toBe(200);
  }

  const audits = async (id: string, action: string): Promise<number> =>
    (
      await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1 AND action = $2`,
        [id, action],
      )
    )[0].n;

  it('answers 503 with Retry-After during the outage, and the read model converges after it', async () => {
    const suffix = randomUUID().slice(0, 8);
    const [accepted1, accepted2, during] = ['a', 'b', 'c'].map((x) => `fault-pg-${x}-${suffix}`);
    await Promise.all([accepted1, accepted2, during].map(createInDrafting));
    for (const id of [accepted1, accepted2, during])
      await eventually(async () => (await audits(id, 'submitDraft')) === 1, `the draft of ${id} projected`);

    // Accepted by Temporal before the outage; their projections wait inside their transactions.
    for (const id of [accepted1, accepted2]) {
      faults.arm('programme-projection.in-transaction', id);
      expect((await act(id, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] })).status).toBe(200);
      await faults.held('programme-projection.in-transaction', id);
    }
    postgres.stop();
    const stoppedAt = Date.now();
    for (const id of [accepted1, accepted2]) faults.release('programme-projection.in-transaction', id);

    // Staff keep acting during the outage, with the request ids they will retry with.
    const requestIds: string[] = [];
    const answers: Array<[number, string | undefined]> = [];
    while (Date.now() - stoppedAt < OUTAGE_MS - ATTEMPT_EVERY_MS / 2) {
      const requestId = randomUUID();
      requestIds.push(requestId);
      const [action, read, next] = await Promise.all([
        act(during, 'openConsultation', { inviteeIds: ['hg-stc-gd'] }, requestId),
        stack.http().get(`/programmes/${during}`).set(auth()),
        act(accepted1, 'closeConsultation', {}),
      ]);
      for (const res of [action, read, next]) answers.push([res.status, res.headers['retry-after']]);
      await new Promise((r) => setTimeout(r, ATTEMPT_EVERY_MS));
    }
    expect(answers.length).toBeGreaterThanOrEqual(3 * 10);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify([503, '5'])]));
    await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));

    await postgres.start();
    const startedAt = Date.now();
    // The client retries its last request with the same request id, once Postgres answers again.
    const retried = await eventually(
      async () => {
        const res = await act(during, 'openConsultation', { inviteeIds: ['hg-stc-gd'] }, requestIds.at(-1));
        return res.status !== 503 && res;
      },
      'the staff action accepted again',
      30_000,
    );
    expect(retried.status).toBe(200);

    // The activities retry on their own backoff (1, 2, 4, … 60 s): converged within its longest step.
    const converged = await eventually(
      async () => {
        const counts = await Promise.all([accepted1, accepted2, during].map((id) => audits(id, 'openConsultation')));
        const rows = await stack.dataSource.query(
          `SELECT count(*)::int AS n FROM programme WHERE id = ANY($1::text[]) AND phase = 'CONSULTATION'`,
          [[accepted1, accepted2, during]],
        );
        return counts.every((n) => n >= 1) && rows[0].n === 3 && Date.now();
      },
      'the read model to converge',
      90_000,
    );
    console.log(
      `Postgres down ${startedAt - stoppedAt} ms; ${answers.length} requests during it all answered 503 with Retry-After; ` +
        `read model converged ${converged - startedAt} ms after it returned`,
    );

    await new Promise((r) => setTimeout(r, 2000));
    const client = stack.api.get(Client);
    for (const id of [accepted1, accepted2, during]) {
      expect(await audits(id, 'openConsultation')).toBe(1);
      const [row] = await stack.dataSource.query(`SELECT projection_seq AS version FROM programme WHERE id = $1`, [id]);
      const history = await client.workflow.getHandle(`programme/${id}`).fetchHistory();
      const live = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      // submitDraft and openConsultation: none of the refused requests reached the workflow.
      expect(live).toHaveLength(2);
      const view = await stack.http().get(`/programmes/${id}`).set(auth());
      expect(view.status).toBe(200);
      expect(Number(row.version)).toBe(view.body.live.state.version);
    }
    // The projections held across the outage were retried.
    const attempts = async (id: string) =>
      (
        (await client.workflow.getHandle(`programme/${id}`).fetchHistory()).events?.map(
          (e) => e.activityTaskStartedEventAttributes?.attempt ?? 0,
        ) ?? []
      ).reduce((a, b) => Math.max(a, b), 0);
    expect(await attempts(accepted1)).toBeGreaterThan(1);
    expect(await attempts(accepted2)).toBeGreaterThan(1);
  }, 240_000);
});
