import { randomUUID } from 'node:crypto';
import { asSeededPeople } from './utils/authorization-fixtures';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Field-level visibility over HTTP on the real stack: a province programme in consultation, with
 * survey findings, a draft and two opinions given, read by each kind of reader through
 * GET /programmes/:id (live state and read-model snapshot) and its audit trail. Who sees what is
 * the table in apps/api/src/access/programme-visibility.ts.
 */
describe('authorization: which parts of a programme each reader sees (e2e)', () => {
  let stack: TestStack;
  const id = `authz-fields-${randomUUID().slice(0, 8)}`;
  const OPINION_TV = 'Ý kiến riêng của Ủy viên Ban Thường vụ về nguồn lực';
  const OPINION_GD = 'Ý kiến riêng của Giám đốc Sở về lộ trình';
  const FINDINGS = 'Kết quả khảo sát: hạ tầng số cấp xã còn thiếu';
  const DRAFT = 'Toàn văn dự thảo chương trình lần 1';

  let people: ReturnType<typeof asSeededPeople>;
  const auth = (username: string) => people.auth(username);
  const act = (username: string, action: string, payload: object) => people.act(username, id, action, payload);

  beforeAll(async () => {
    stack = await startTestStack();
    people = asSeededPeople(stack);
    await people.create(id, 'Chương trình hành động về chuyển đổi số');
    await act('chuyenvien.hg', 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await act('gd.skhdt.hg', 'submitSurveyFindings', { text: FINDINGS });
    await act('chuyenvien.hg', 'closeSurvey', {});
    await act('chuyenvien.hg', 'submitDraft', { text: DRAFT, documentRef: 'DT-01/VPTU', changeNote: 'bản đầu' });
    await act('chuyenvien.hg', 'openConsultation', { inviteeIds: ['hg-tv1', 'hg-skhdt-gd', 'hg-vithanh-bt'] });
    await act('tvbtv.hg', 'submitOpinion', { text: OPINION_TV });
    const last = await act('gd.skhdt.hg', 'submitOpinion', { text: OPINION_GD });
    // The read model's snapshot is shown through the same rule; wait until it holds both opinions.
    await eventually(async () => {
      const res = await stack
        .http()
        .get(`/programmes/${id}`)
        .set(await auth('chuyenvien.hg'));
      return res.body.programme?.projectionSeq >= last.version;
    }, 'the read model with both opinions');
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** What one reader gets: the opinion texts by author, draft text, findings, and what is withheld. */
  async function seenBy(username: string) {
    const res = await stack
      .http()
      .get(`/programmes/${id}`)
      .set(await auth(username));
    expect([username, res.status]).toEqual([username, 200]);
    const view = (state: Record<string, any>) => ({
      opinions: Object.fromEntries(
        Object.entries(state.consultations[0].opinions).map(([who, o]) => [who, (o as { text: string | null }).text]),
      ),
      draft: state.drafts[0].text,
      findings: state.survey.findings['hg-skhdt-gd'].text,
    });
    const live = view(res.body.live.state);
    expect([username, view(res.body.programme.snapshot)]).toEqual([username, live]);
    return {
      ...live,
      withheld: res.body.withheld,
      body: JSON.stringify(res.body),
      consultation: res.body.live.consultation,
    };
  }

  const BOTH = { 'hg-tv1': OPINION_TV, 'hg-skhdt-gd': OPINION_GD };
  const NO_TEXTS = { 'hg-tv1': null, 'hg-skhdt-gd': null };

  it("shows the opinions to the issuing committee's leaders and the drafting team", async () => {
    for (const username of ['bithu.hg', 'pbt.hg', 'tvbtv.hg', 'chuyenvien.hg'])
      expect([username, await seenBy(username)]).toMatchObject([
        username,
        { opinions: BOTH, draft: DRAFT, findings: FINDINGS, withheld: [] },
      ]);
  });

  it('shows an author their own opinion only, and an invitee the draft', async () => {
    expect(await seenBy('gd.skhdt.hg')).toMatchObject({
      opinions: { 'hg-tv1': null, 'hg-skhdt-gd': OPINION_GD },
      draft: DRAFT,
      findings: FINDINGS, // the surveyor's own
      withheld: ['opinions'],
    });
    const invited = await seenBy('bithu.vithanh');
    expect(invited).toMatchObject({ opinions: NO_TEXTS, draft: DRAFT, findings: null });
    expect(invited.withheld).toEqual(['opinions', 'surveyFindings']);
  });

  it("shows the committee's inspectors the drafts and findings but not the opinions", async () => {
    expect(await seenBy('ubkt.hg')).toMatchObject({
      opinions: NO_TEXTS,
      draft: DRAFT,
      findings: FINDINGS,
      withheld: ['opinions'],
    });
  });

  it('shows everyone else who answered and how many, without a word of any text', async () => {
    for (const username of ['pbt.vithanh', 'vanthu.hg', 'gd.stc.hg', 'admin']) {
      const seen = await seenBy(username);
      expect([username, seen]).toMatchObject([
        username,
        {
          opinions: NO_TEXTS,
          draft: null,
          findings: null,
          withheld: ['drafts', 'opinions', 'surveyFindings'],
          consultation: { round: 1, answered: ['hg-tv1', 'hg-skhdt-gd'], pending: ['hg-vithanh-bt'] },
        },
      ]);
      for (const text of [OPINION_TV, OPINION_GD, FINDINGS, DRAFT, 'DT-01/VPTU'])
        expect([username, seen.body.includes(text)]).toEqual([username, false]);
    }
  });

  it("keeps the draft's reference out of the audit trail for them too, and in it for the drafting team", async () => {
    const trail = async (username: string) => {
      const res = await stack
        .http()
        .get(`/programmes/${id}/audit`)
        .set(await auth(username));
      return res.body.items.find((e: { action: string }) => e.action === 'submitDraft').after;
    };
    expect(await trail('pbt.vithanh')).toMatchObject({ version: 1, documentRef: null, changeNote: 'bản đầu' });
    expect(await trail('chuyenvien.hg')).toMatchObject({ version: 1, documentRef: 'DT-01/VPTU' });
  });
});
