import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Consultation on a draft, end to end on the real stack: two drafts, a round of three invitees with a
 * quorum of two and a deadline close at hand; one answers, the round's one reminder reaches exactly
 * the two who are silent (inbox rows, through the notifier), the second answers, the drafting team
 * closes on the quorum, and the read routes show the round, the drafts and what changed between them.
 */
describe('consultation on a draft (e2e)', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const id = `e2e-consult-${randomUUID().slice(0, 8)}`;
  const DRAFT_1 = 'I. MỤC TIÊU\nTỷ lệ hộ nghèo giảm bình quân 1%/năm.\nII. TỔ CHỨC THỰC HIỆN';
  const DRAFT_2 = 'I. MỤC TIÊU\nTỷ lệ hộ nghèo giảm bình quân 1,5%/năm.\nII. TỔ CHỨC THỰC HIỆN';

  const get = (who: string, path: string) =>
    stack.http().get(`/programmes/${id}${path}`).set('Authorization', `Bearer ${tokens[who]}`);
  const act = (who: string, action: string, payload: object) =>
    stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({ requestId: randomUUID(), payload });
  const rows = async (kind: string): Promise<Array<{ recipient_id: string; title: string; body: string }>> =>
    stack.dataSource.query(
      'SELECT recipient_id, title, body FROM notification WHERE programme_id = $1 AND kind = $2 ORDER BY recipient_id',
      [id, kind],
    );

  beforeAll(async () => {
    stack = await startTestStack();
    for (const who of ['chuyenvien.hg', 'tvbtv.hg', 'gd.skhdt.hg', 'gd.stc.hg', 'vanthu.hg', 'chuyenvien.lc'])
      tokens[who] = await stack.login(who);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('reminds the silent once, closes on the quorum, and shows the round and the change', async () => {
    await stack
      .http()
      .post('/programmes')
      .set('Authorization', `Bearer ${tokens['chuyenvien.hg']}`)
      .send({
        id,
        templateId: 'work-programme',
        title: 'Chương trình công tác năm 2026 về giảm nghèo bền vững',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'party-building',
        term: '2026-2026',
      })
      .expect(201);
    expect((await act('chuyenvien.hg', 'submitDraft', { text: DRAFT_1, changeNote: 'bản đầu' })).status).toBe(200);
    expect((await act('chuyenvien.hg', 'submitDraft', { text: DRAFT_2, changeNote: 'nâng chỉ tiêu' })).status).toBe(
      200,
    );

    // A quorum above the number invited is refused, naming the field, and opens nothing.
    const invitees = ['hg-tv1', 'hg-skhdt-gd', 'hg-stc-gd'];
    const tooMany = await act('chuyenvien.hg', 'openConsultation', { inviteeIds: invitees, quorum: 4 });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.message)).toContain('quorum');
    expect((await act('chuyenvien.hg', 'openConsultation', { inviteeIds: invitees, quorum: 0 })).status).toBe(400);

    // Forty seconds: far shorter than the template's reminder offsets, so the reminder goes halfway.
    const deadline = new Date(Date.now() + 40_000).toISOString();
    const opened = await act('chuyenvien.hg', 'openConsultation', { inviteeIds: invitees, deadline, quorum: 2 });
    expect(opened.status).toBe(200);
    expect(opened.body.phase).toBe('CONSULTATION');
    expect((await act('tvbtv.hg', 'submitOpinion', { text: 'Nhất trí với dự thảo' })).status).toBe(200);
    // One answer of a quorum of two: the team may not close yet.
    const early = await act('chuyenvien.hg', 'closeConsultation', {});
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body.message)).toContain('2 of 3');

    const reminders = await eventually(async () => {
      const r = await rows('CONSULTATION_REMINDER');
      return r.length >= 2 && r;
    }, 'the consultation reminder in the inbox of the silent');
    expect(reminders.map((r) => r.recipient_id)).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);
    expect(reminders[0].title).toBe('Nhắc góp ý dự thảo: Chương trình công tác năm 2026 về giảm nghèo bền vững');
    expect(reminders[0].body).toContain('dự thảo lần 2');
    expect(reminders[0].body).toContain('đợt lấy ý kiến thứ 1');
    // The silent invitee finds it in their inbox; the phase reminders gave way to it.
    const inbox = await stack.http().get('/inbox').set('Authorization', `Bearer ${tokens['gd.stc.hg']}`);
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).toContain('Nhắc góp ý dự thảo');
    expect(await rows('DEADLINE_REMINDER')).toEqual([]);

    expect((await act('gd.skhdt.hg', 'submitOpinion', { text: 'Đề nghị bổ sung giải pháp về vốn' })).status).toBe(200);
    const closed = await act('chuyenvien.hg', 'closeConsultation', {});
    expect(closed.status).toBe(200);
    expect(closed.body.phase).toBe('DRAFTING');
    expect(Date.now()).toBeLessThan(Date.parse(deadline)); // closed on the quorum, not by the deadline
    // Once per round: still exactly the two reminders.
    expect(await rows('CONSULTATION_REMINDER')).toHaveLength(2);

    // The round as the drafting team sees it: every opinion.
    const round = await get('chuyenvien.hg', '/consultations/1');
    expect(round.status).toBe(200);
    expect(round.body).toMatchObject({
      programmeId: id,
      no: 1,
      draftVersion: 2,
      deadline,
      quorum: 2,
      quorumReached: true,
      invited: 3,
      silent: [{ personId: 'hg-stc-gd', name: expect.any(String) }],
      opinionsWithheld: false,
    });
    expect(round.body.closedAt).not.toBeNull();
    expect(round.body.answered.map((a: { personId: string }) => a.personId)).toEqual(['hg-tv1', 'hg-skhdt-gd']);
    expect(round.body.answered[0]).toMatchObject({ text: 'Nhất trí với dự thảo', name: expect.any(String) });
    // An invitee reads their own opinion only; a reader who is no invitee, none.
    const asInvitee = await get('gd.skhdt.hg', '/consultations/1');
    expect(asInvitee.body.answered.map((a: { text: string | null }) => a.text)).toEqual([
      null,
      'Đề nghị bổ sung giải pháp về vốn',
    ]);
    expect(asInvitee.body.opinionsWithheld).toBe(true);
    const asStaff = await get('vanthu.hg', '/consultations/1');
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.answered.map((a: { text: string | null }) => a.text)).toEqual([null, null]);
    expect(asStaff.body.silent).toEqual(round.body.silent);

    // The draft asked about, and what changed from the first.
    const draft = await get('gd.stc.hg', '/drafts/2');
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      version: 2,
      text: DRAFT_2,
      changeNote: 'nâng chỉ tiêu',
      by: 'hg-cv1',
      withheld: false,
    });
    expect((await get('vanthu.hg', '/drafts/2')).body).toMatchObject({ version: 2, text: null, withheld: true });
    const diff = await get('gd.stc.hg', '/drafts/2/diff');
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ version: 2, against: 1, added: 1, removed: 1, exact: true });
    expect(diff.body.hunks.map((h: { op: string }) => h.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diff.body.hunks[2].words).toEqual(
      expect.arrayContaining([
        { op: 'removed', text: '1%/năm.' },
        { op: 'added', text: '1,5%/năm.' },
      ]),
    );
    expect((await get('gd.stc.hg', '/drafts/1/diff')).body).toMatchObject({ against: null, added: 3, removed: 0 });
    expect((await get('gd.stc.hg', '/drafts/1/diff?against=2')).body).toMatchObject({ against: 2, added: 1 });

    // Bad numbers are 400 naming the parameter; missing versions and rounds 404; others' drafts 403 / 404.
    for (const bad of [
      '/drafts/0',
      '/drafts/abc',
      '/drafts/1.5',
      '/drafts/2/diff?against=x',
      '/drafts/2/diff?against=0',
    ])
      expect([bad, (await get('chuyenvien.hg', bad)).status]).toEqual([bad, 400]);
    expect(JSON.stringify((await get('chuyenvien.hg', '/drafts/2/diff?against=x')).body.message)).toContain('against');
    for (const missing of ['/drafts/3', '/drafts/3/diff', '/drafts/2/diff?against=7', '/consultations/2'])
      expect([missing, (await get('chuyenvien.hg', missing)).status]).toEqual([missing, 404]);
    expect((await get('vanthu.hg', '/drafts/2/diff')).status).toBe(403);
    expect((await get('chuyenvien.lc', '/drafts/2')).status).toBe(404);

    // The history with the reminder in it replays on today's code, and is kept as a fixture when recording.
    const client = stack.api.get(Client);
    const history = await client.workflow.getHandle(`programme/${id}`).fetchHistory();
    await expect(
      Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history, `programme/${id}`),
    ).resolves.toBeUndefined();
    await recordHistories(client, `programme/${id}`, 'programme-consultation-reminder.v4');
  });
});
