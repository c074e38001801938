import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { AppProcess, FaultPointsDir, SPAWNING_TIMEOUT_MS, spawnApp, stopProcess } from './utils/fault-processes';
import { freePort } from './utils/free-port';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Fault: the API SIGKILLed while a staff action is in flight. A second API runs as its own process
 * on the stack's task queue; a fault point (FAULT_POINTS_DIR, tests only) holds it right after
 * Temporal accepted the action's update, before it answers. The test kills it there, starts it
 * again, and the client retries with the same requestId: the retry answers 200 with the result the
 * killed process had, and the action has one effect (one update, one audit event, one phase entry).
 */
describe('the API restarted mid-request (e2e)', () => {
  const faults = new FaultPointsDir();
  let stack: TestStack;
  let api: AppProcess | undefined;
  let apiEnv: NodeJS.ProcessEnv;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    apiEnv = {
      LOGIN_FREE_FAILURES_PER_IP: '100000',
      LOGIN_FREE_FAILURES_PER_USERNAME: '1000',
      ...process.env,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      API_PORT: String(port),
      // The same signing key across the restart, as a deployment has: the client's token stays valid.
      JWT_SECRET: randomBytes(32).toString('base64url'),
      FAULT_POINTS_DIR: faults.dir,
    };
    api = await spawnApp('api', apiEnv);
  }, SPAWNING_TIMEOUT_MS);

  afterAll(async () => {
    await stopProcess(api?.child, 'SIGKILL');
    await stack?.close();
    faults.remove();
  });

  const post = (token: string, route: string, body: object) =>
    fetch(`${baseUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  const count = async (sql: string, params: unknown[]) =>
    ((await stack.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  it(
    "answers the client's retry with the same requestId once, with one effect",
    async () => {
      const id = `fault-api-${randomUUID().slice(0, 8)}`;
      const staff = await stack.login('chuyenvien.hg');
      const created = await stack
        .http()
        .post('/programmes')
        .set({ Authorization: `Bearer ${staff}` })
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
      const drafted = await stack
        .http()
        .post(`/programmes/${id}/actions/submitDraft`)
        .set({ Authorization: `Bearer ${staff}` })
        .send({ requestId: randomUUID(), payload: { text: 'Dự thảo lần 1', changeNote: 'lần 1' } });
      expect(drafted.status).toBe(200);

      const login = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chuyenvien.hg', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const token = ((await login.json()) as { accessToken: string }).accessToken;

      const requestId = randomUUID();
      const action = { requestId, payload: { inviteeIds: ['hg-skhdt-gd'] } };
      faults.arm('programme-action.accepted', id);
      const inFlight = post(token, `/programmes/${id}/actions/openConsultation`, action).then(
        (res) => ({ status: res.status }),
        (err: Error) => ({ error: String(err.cause ?? err) }),
      );
      const accepted = await faults.held('programme-action.accepted', id);
      await stopProcess(api!.child, 'SIGKILL');
      api = undefined;
      // The client never had an answer: the connection closed under it.
      expect(await inFlight).toEqual({ error: expect.stringMatching(/socket|closed|terminated|reset/i) });

      faults.release('programme-action.accepted', id);
      api = await spawnApp('api', apiEnv);
      const retry = await post(token, `/programmes/${id}/actions/openConsultation`, action);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(accepted);
      // Once more, as an impatient client would: the same answer again.
      const again = await post(token, `/programmes/${id}/actions/openConsultation`, action);
      expect([again.status, await again.json()]).toEqual([200, accepted]);

      await eventually(
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1 AND action = 'openConsultation'`,
            [id],
          )) >= 1,
        'the action projected',
      );
      // Time for a doubled effect to show up.
      await new Promise((r) => setTimeout(r, 2000));
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1 AND action = 'openConsultation'`,
          [id],
        ),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM programme_phase_history WHERE programme_id = $1 AND phase = 'CONSULTATION'`,
          [id],
        ),
      ).toBe(1);
      const history = await stack.api.get(Client).workflow.getHandle(`programme/${id}`).fetchHistory();
      const updates = (history.events ?? []).filter(
        (e) =>
          e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId ===
          `openConsultation-${requestId}`,
      );
      expect(updates).toHaveLength(1);
    },
    SPAWNING_TIMEOUT_MS,
  );
});
