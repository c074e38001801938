import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { SA_PHASE } from '../libs/temporal/src/search-attributes';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Histories recorded by real workflows (programme, task, breakthrough cycle) must replay on the
 * current workflow code without non-determinism errors. A change that breaks this needs `patched()`
 * (see docs/changing-workflows.md). The fixtures are recorded by the workflow tests themselves: run one with
 * RECORD_HISTORIES_TO=test/fixtures/histories (see test/utils/record-history.ts).
 */
const FIXTURES = path.join(__dirname, 'fixtures/histories');

describe('workflow replay (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('replays the recorded history of a programme that moved through several phases', async () => {
    const staff = await stack.login('chuyenvien.hg');
    const surveyor = await stack.login('gd.skhdt.hg');
    const head = await stack.login('bithu.hg');
    const id = `e2e-replay-${randomUUID().slice(0, 8)}`;
    const act = (token: string, action: string, payload: object) =>
      stack
        .http()
        .post(`/programmes/${id}/actions/${action}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ requestId: randomUUID(), payload });
    await stack
      .http()
      .post('/programmes')
      .set('Authorization', `Bearer ${staff}`)
      .send({
        id,
        templateId: 'work-programme',
        title: 'Chương trình công tác năm 2021',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'party-building',
        term: '2021-2021',
      })
      .expect(201);
    expect((await act(staff, 'submitDraft', { text: 'Dự thảo 30 nội dung', changeNote: 'lần 1' })).status).toBe(200);
    expect((await act(staff, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] })).status).toBe(200);
    expect((await act(surveyor, 'submitOpinion', { text: 'Nhất trí' })).status).toBe(200);
    expect((await act(staff, 'closeConsultation', {})).status).toBe(200);
    expect((await act(staff, 'submitForApproval', {})).status).toBe(200);
    const approved = await act(head, 'approve', {});
    expect(approved.body.phase).toBe('ISSUED');

    const client = stack.api.get(Client);
    const handle = client.workflow.getHandle(`programme/${id}`);
    // The workflow keeps its phase search attribute (typed) up to date as it moves on.
    await eventually(
      async () => (await handle.describe()).typedSearchAttributes.get(SA_PHASE) === 'ISSUED',
      'the ProgrammePhase search attribute to say ISSUED',
    );
    const history = await eventually(async () => {
      const h = await handle.fetchHistory();
      return (h.events?.length ?? 0) > 10 && h;
    }, 'a history with the updates in it');
    await expect(
      Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history, `programme/${id}`),
    ).resolves.toBeUndefined();
  });

  // Histories recorded by earlier versions of the workflow (see docs/changing-workflows.md, "Changing a running
  // workflow"): each must replay on today's code, which is what `patched()` guarantees.
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('has recorded histories to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('replays the recorded history %s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history, file),
    ).resolves.toBeUndefined();
  });
});
