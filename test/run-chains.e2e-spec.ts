import { randomUUID } from 'node:crypto';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { findTemplate, ProgrammeSetup } from '../libs/domain/src';
import { TEMPORAL_OPTIONS, TemporalOptions } from '../libs/temporal/src';
import { PROGRAMME_WORKFLOW_TYPE, ProgrammeWorkflowInput } from '../workflows/src/programme/definitions';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * No effect swallowed by an old one, and read your own writes. A second workflow under a programme
 * id used before (as after a fresh Temporal on the same database) numbers its effects from 1 again:
 * its audit events and notifications must still be recorded, and its read-model row must win over
 * the older chain's higher version. And once the API answered a create, the next requests find it.
 */
describe('run chains and read-your-writes (e2e)', () => {
  let stack: TestStack;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function act(username: string, id: string, action: string, payload: object) {
    return stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(auth(await stack.login(username)))
      .send({ requestId: randomUUID(), payload });
  }

  async function ok(username: string, id: string, action: string, payload: object) {
    const res = await act(username, id, action, payload);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const programmeBody = (id: string) => ({
    id,
    templateId: 'work-programme',
    title: 'Chương trình công tác năm 2026 của Tỉnh ủy',
    issuingUnitId: 'hg-tu',
    memberInChargeId: 'hg-pbt',
    fieldGroup: 'party-building',
    term: '2026-2026',
  });

  const row = async (id: string) =>
    (
      await stack.dataSource.query(
        `SELECT phase, projection_seq AS seq, chain_run_id AS "chainRunId" FROM programme WHERE id = $1`,
        [id],
      )
    )[0] as { phase: string; seq: number; chainRunId: string };

  it("a second workflow under a closed programme's id has its own audit events, notifications and row", async () => {
    const id = `e2e-chain-${randomUUID().slice(0, 8)}`;
    const staff = await stack.login('chuyenvien.hg');
    const created = await stack.http().post('/programmes').set(auth(staff)).send(programmeBody(id));
    expect(created.status).toBe(201);
    // The first chain goes further (a higher version) and is cancelled: its workflow closes.
    await ok('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'lần 1' });
    await ok('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await ok('gd.skhdt.hg', id, 'submitOpinion', { text: 'Nhất trí' });
    await ok('chuyenvien.hg', id, 'closeConsultation', {});
    await ok('bithu.hg', id, 'cancel', { reason: 'Gộp vào chương trình khác' });
    const first = await eventually(async () => {
      const r = await row(id);
      return r?.phase === 'CANCELLED' && r;
    }, 'the first chain cancelled in the read model');

    // The API never gives the id again, naming it.
    const again = await stack.http().post('/programmes').set(auth(staff)).send(programmeBody(id));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(id);

    // A second workflow under the id anyway, as a fresh Temporal on this database would run it.
    const client = stack.api.get(Client);
    await client.workflow.getHandle(`programme/${id}`).result();
    const { taskQueue } = stack.api.get<TemporalOptions>(TEMPORAL_OPTIONS);
    const [{ snapshot }] = await stack.dataSource.query(`SELECT snapshot FROM programme WHERE id = $1`, [id]);
    const input: ProgrammeWorkflowInput = {
      setup: snapshot.setup as ProgrammeSetup,
      template: findTemplate('work-programme')!,
    };
    const handle = await client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `programme/${id}`,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    const secondRun = handle.firstExecutionRunId;
    await eventually(async () => (await row(id)).chainRunId === secondRun, 'the second chain to own the row');
    await ok('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo mới', changeNote: 'lần 1' });
    await ok('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-stc-gd'] });

    const second = await eventually(async () => {
      const r = await row(id);
      return r.phase === 'CONSULTATION' && r;
    }, 'the second chain in consultation in the read model');
    // The newer chain wins with a lower version than the older one reached.
    expect(second.seq).toBeLessThan(first.seq);
    expect(second.chainRunId).toBe(secondRun);
    const phases = await stack.dataSource.query(
      `SELECT phase FROM programme_phase_history WHERE programme_id = $1 ORDER BY seq`,
      [id],
    );
    expect(phases.map((p: { phase: string }) => p.phase)).not.toContain('CANCELLED');

    // Its audit events are recorded under keys of its own chain, beside the first chain's.
    const audits: Array<{ action: string; key: string }> = await eventually(async () => {
      const rows = await stack.dataSource.query(
        `SELECT action, event_key AS key FROM audit_event WHERE programme_id = $1 AND event_key LIKE $2 ORDER BY occurred_at`,
        [id, `%/${secondRun}`],
      );
      return rows.some((r: { action: string }) => r.action === 'openConsultation') && rows;
    }, "the second chain's audit events");
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['submitDraft', 'openConsultation']));
    const firstChainAudits = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE programme_id = $1 AND event_key LIKE $2`,
      [id, `%/${first.chainRunId}`],
    );
    expect(firstChainAudits[0].n).toBeGreaterThanOrEqual(5);
    // And its notification (the new invitee's) is delivered.
    await eventually(async () => {
      const [{ n }] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE recipient_id = 'hg-stc-gd' AND idempotency_key LIKE $1`,
        [`%/${secondRun}@%`],
      );
      return n > 0;
    }, "the second chain's notification delivered");
    await recordHistories(client, `programme/${id}`, 'programme-second-chain.v3');
  });

  it('a programme answers every request sent right after its 201', async () => {
    const staff = await stack.login('chuyenvien.hg');
    for (let i = 0; i < 3; i++) {
      const id = `e2e-ryw-${randomUUID().slice(0, 8)}`;
      const created = await stack.http().post('/programmes').set(auth(staff)).send(programmeBody(id));
      expect(created.status).toBe(201);
      const burst = await Promise.all([
        ...Array.from({ length: 5 }, () => stack.http().get(`/programmes/${id}`).set(auth(staff))),
        ...Array.from({ length: 5 }, () => stack.http().get(`/programmes/${id}/audit`).set(auth(staff))),
        act('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo', changeNote: 'lần 1' }),
      ]);
      expect(burst.map((r) => r.status)).toEqual([...Array(10).fill(200), 200]);
    }
  });

  it('a breakthrough cycle answers registrations and reads sent right after its 201', async () => {
    const head = await stack.login('bithu.hg');
    const registrants = ['gd.skhdt.hg', 'gd.stc.hg'];
    for (let i = 0; i < 3; i++) {
      const year = 2700 + Math.floor(Math.random() * 250);
      const opened = await stack
        .http()
        .post('/breakthrough/cycles')
        .set(auth(head))
        .send({
          unitId: 'hg-tu',
          year,
          title: `Việc đột phá năm ${year}`,
          registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
          appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        });
      if (opened.status === 409) continue; // that year was opened by an earlier run of this file
      expect(opened.status).toBe(201);
      const path = `/breakthrough/cycles/hg-tu/${year}`;
      const burst = await Promise.all([
        ...Array.from({ length: 5 }, () => stack.http().get(path).set(auth(head))),
        ...registrants.flatMap((u) =>
          Array.from({ length: 3 }, async () =>
            stack
              .http()
              .post(`${path}/actions/register`)
              .set(auth(await stack.login(u)))
              .send({
                requestId: randomUUID(),
                payload: { kind: 'UNIT', title: 'Số hóa hồ sơ', expectedResult: 'Toàn bộ', measure: 'Tỷ lệ' },
              }),
          ),
        ),
      ]);
      expect(burst.map((r) => r.status)).toEqual([...Array(5).fill(200), ...Array(6).fill(200)]);
      await recordHistories(stack.api.get(Client), `breakthrough/hg-tu/${year}`, 'breakthrough-registrations.v3');
    }
  });
});
