import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { LifecycleSteps, minuteAfter, vnLocalInput } from './utils/lifecycle-steps';
import { pdfText } from './utils/pdf-text';
import { eventually } from './utils/test-stack';
import { useConsoleSuite } from './utils/console-suite';

/**
 * Issue 14's acceptance: one programme from creation to closing, every step clicked in the console
 * by the seeded person whose turn it is (seven of them, each in a fresh browser context): the survey,
 * two drafts, a consultation whose invitees answer in person, a send-back, approval, issuance with
 * targets imported from a spreadsheet and tasks entered in the table, dissemination, a task done
 * after its due date, a review with each unit's value per target, an inspection, the final review,
 * evaluation and closing. Every page visited is kept as test-artifacts/screenshots/lifecycle-NN-*.png
 * and checked with axe-core; the end checks the read model, the audit trail and a downloaded PDF.
 *
 * The demo-fast template makes the implementation short (reviews every 2 minutes, each open for one;
 * the term 8 minutes), so the test waits for the workflow's own timers, as people would.
 */
jest.setTimeout(30 * 60_000);

describe('console: a programme’s whole lifecycle in the browser (browser e2e)', () => {
  const suite = useConsoleSuite();
  let steps: LifecycleSteps;
  const id = `lifecycle-${randomUUID().slice(0, 8)}`;
  const TITLE = 'Chương trình hành động phát triển kinh tế số và hạ tầng số cấp xã';
  /** The task done late: due a few minutes after issuance, its result submitted after that. */
  let lateDue: Date;
  let lateTaskId: string;

  beforeAll(() => {
    steps = new LifecycleSteps(suite.browser, suite.baseUrl, id, suite.violations);
  });

  /** The steps build on each other: after a failed one the rest fail at once instead of waiting. */
  let failed: string | null = null;
  const stage = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      if (failed) throw new Error(`not run: "${failed}" failed`);
      try {
        await body();
      } catch (err) {
        failed = name;
        throw err;
      }
    });

  const detail = async () =>
    (
      await suite.stack
        .http()
        .get(`/programmes/${id}`)
        .set(await suite.auth('chuyenvien.hg'))
    ).body;

  /** The read model once it shows the phase (its projection follows the workflow). */
  const inPhase = (phase: string) =>
    eventually(async () => {
      const d = await detail();
      return d.programme.phase === phase && d;
    }, `the programme in ${phase}`);

  /** One action by one person on the programme's page, in a context of their own. */
  async function step(
    username: string,
    action: string,
    name: string,
    fill?: Parameters<LifecycleSteps['act']>[3],
    options?: Parameters<LifecycleSteps['act']>[4],
  ): Promise<Page> {
    const page = await steps.as(username);
    await steps.act(page, action, name, fill, options);
    await steps.record(page, `${name}-done`, `programme-${action}`);
    return page;
  }
  const close = (page: Page) => steps.done(page);

  stage('creates the programme and takes it through the survey', async () => {
    const staff = await steps.as('chuyenvien.hg', '#/my');
    await staff.click('a[href="#/programmes/new"]');
    const form = staff.locator('[data-testid=form-createProgramme]');
    await form.waitFor();
    await form.locator('[name=id]').fill(id);
    await form.locator('[name=templateId]').selectOption('demo-fast');
    await form.locator('[name=title]').fill(TITLE);
    await form.locator('[name=issuingUnitId]').fill('hg-tu');
    await form.locator('[name=memberInChargeId]').fill('hg-pbt');
    await form.locator('[name=fieldGroup]').fill('economy');
    await form.locator('[name=term]').fill('2026-2030');
    await steps.record(staff, 'create-programme', 'create-programme', true);
    await staff.click('[data-testid=form-createProgramme-send]');
    await staff.waitForSelector(`[data-testid=programme-title]:has-text("${TITLE}")`);
    await steps.record(staff, 'created', 'programme-survey', true);

    await steps.act(staff, 'assignSurveyors', 'assign-surveyors', (f) =>
      steps.choosePeople(f, 'surveyorIds', ['hg-skhdt-gd']),
    );
    await close(staff);

    await close(
      await step('gd.skhdt.hg', 'submitSurveyFindings', 'survey-findings', (f) =>
        f.locator('[name=text]').fill('Nhiều xã vùng sâu chưa có cáp quang; cán bộ xã thiếu kỹ năng số.'),
      ),
    );
    await close(await step('chuyenvien.hg', 'closeSurvey', 'close-survey'));
    await inPhase('DRAFTING');
  });

  stage('drafts, consults the invitees, who answer in person, and closes the round', async () => {
    const staff = await step('chuyenvien.hg', 'submitDraft', 'draft-1', async (f) => {
      await f.locator('[name=text]').fill('Dự thảo lần 1: phủ sóng cáp quang đến 100% xã; đào tạo kỹ năng số.');
      await f.locator('[name=changeNote]').fill('Bản đầu tiên');
    });
    await steps.act(staff, 'openConsultation', 'open-consultation', async (f) => {
      await steps.choosePeople(f, 'inviteeIds', ['hg-skhdt-gd', 'hg-tv1']);
      await f.locator('[name=deadline]').fill(vnLocalInput(minuteAfter(3 * 3_600_000)));
    });
    await steps.record(staff, 'consultation-opened', 'programme-consultation');
    await close(staff);

    for (const [who, opinion] of [
      ['gd.skhdt.hg', 'Đề nghị bổ sung chỉ tiêu về tỷ lệ hộ dùng dịch vụ công trực tuyến.'],
      ['tvbtv.hg', 'Nhất trí; cần nêu rõ nguồn lực cho các xã khó khăn.'],
    ]) {
      const invitee = await steps.as(who);
      await invitee.waitForSelector('[data-testid=consultation]');
      await steps.act(invitee, 'submitOpinion', `opinion-${who}`, (f) => f.locator('[name=text]').fill(opinion));
      await eventually(async () => !(await steps.shown(invitee)).includes('submitOpinion'), 'the opinion given');
      await steps.record(invitee, `opinion-${who}-done`);
      await close(invitee);
    }

    const back = await steps.as('chuyenvien.hg');
    await back.waitForSelector('[data-testid=answered] li >> nth=1');
    await steps.act(back, 'closeConsultation', 'close-consultation');
    await steps.record(back, 'consultation-closed');
    await close(back);
    const live = (await detail()).live.state;
    expect(live.consultations[0]).toMatchObject({ inviteeIds: ['hg-skhdt-gd', 'hg-tv1'], silentIds: [] });
  });

  stage('is sent back once, redrafted and approved', async () => {
    await close(await step('chuyenvien.hg', 'submitForApproval', 'submit-for-approval'));
    await close(
      await step('pbt.hg', 'sendBack', 'send-back', (f) =>
        f.locator('[name=reasons]').fill('Làm rõ lộ trình và kinh phí cho từng năm.'),
      ),
    );
    const staff = await step('chuyenvien.hg', 'submitDraft', 'draft-2', async (f) => {
      await f
        .locator('[name=text]')
        .fill('Dự thảo lần 2: lộ trình 2026-2030, kinh phí từng năm, 100% xã có cáp quang.');
      await f.locator('[name=changeNote]').fill('Tiếp thu ý kiến Thường trực');
    });
    await steps.act(staff, 'submitForApproval', 'resubmit-for-approval');
    await close(staff);
    await close(
      await step('bithu.hg', 'approve', 'approve', (f) => f.locator('[name=note]').fill('Thống nhất ban hành')),
    );
    const d = await inPhase('ISSUED');
    expect(d.live.state.drafts.map((x: { version: number }) => x.version)).toEqual([1, 2]);
    expect(d.live.state.approval.sendBacks).toHaveLength(1);
  });

  stage('issues it with targets from a spreadsheet and tasks entered in the table', async () => {
    const staff = await steps.as('chuyenvien.hg');
    const form = await steps.open(staff, 'issue');
    const csv =
      '\uFEFFMã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Loại chỉ tiêu,Mục tiêu,Mã đơn vị chủ trì\r\n' +
      'HTS,Tỷ lệ xã có cáp quang,%,AT_LEAST,90,hg-skhdt\r\n' +
      'THU,Thu ngân sách từ kinh tế số tăng,%/năm,AT_LEAST,10,hg-stc\r\n';
    await form.locator('[data-testid=issue-import] input[type=file]').setInputFiles({
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await form.locator('[name="targets.1.code"]').waitFor();
    expect(await form.locator('[name="targets.0.name"]').inputValue()).toBe('Tỷ lệ xã có cáp quang');
    await form.locator('[name=documentNumber]').fill('45-CTr/TU');
    await form.locator('[name=issuedOn]').fill(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
    lateDue = minuteAfter(4 * 60_000);
    const tasks = [
      ['NV1', 'Kéo cáp quang đến các xã vùng sâu', 'hg-skhdt', 'hg-skhdt-gd', vnLocalInput(lateDue)],
      [
        'NV2',
        'Cơ chế tài chính cho chuyển đổi số cấp xã',
        'hg-stc',
        'hg-stc-gd',
        vnLocalInput(minuteAfter(90 * 86_400_000)),
      ],
    ];
    for (const [i, [code, title, unit, person, due]] of tasks.entries()) {
      await form.locator('[data-add-row=tasks]').click();
      await form.locator(`[name="tasks.${i}.code"]`).fill(code);
      await form.locator(`[name="tasks.${i}.title"]`).fill(title);
      await form.locator(`[name="tasks.${i}.responsibleUnitId"]`).fill(unit);
      await form.locator(`[name="tasks.${i}.responsiblePersonId"]`).fill(person);
      await form.locator(`[name="tasks.${i}.dueAt"]`).fill(due);
    }
    await form.locator('[name=solutions]').fill('Đầu tư hạ tầng số\nĐào tạo kỹ năng số cho cán bộ xã');
    await form.locator('[name=resources]').fill('Ngân sách tỉnh\nVốn doanh nghiệp viễn thông');
    await steps.record(staff, 'issue-form', 'form-issue', true);
    await steps.send(staff, 'issue');
    await steps.record(staff, 'issued', 'programme-issued');
    await close(staff);
    const d = await inPhase('DISSEMINATION');
    expect(d.programme.documentNumber).toBe('45-CTr/TU');
    expect(d.targets.map((t: { code: string }) => t.code)).toEqual(['HTS', 'THU']);
  });

  stage('disseminates it: the head records the conference, the audience acknowledges', async () => {
    await close(await step('bithu.hg', 'recordDissemination', 'record-dissemination'));
    await close(await step('gd.stc.hg', 'acknowledgeDissemination', 'acknowledge-dissemination'));
    const d = await inPhase('IMPLEMENTATION');
    expect(d.live.disseminationCoverage.acknowledged).toBe(1);
  });

  stage('carries a task from the work list, records an inspection and a review with each unit’s values', async () => {
    const holder = await steps.as('gd.skhdt.hg', '#/my');
    const row = holder.locator('[data-testid=my-tasks] tr', { hasText: 'Kéo cáp quang' });
    await row.waitFor();
    lateTaskId = (await row.getAttribute('data-task-id'))!;
    await steps.record(holder, 'work-list', 'my-work', true);
    await row.locator('a[data-action=accept]').click();
    await holder.waitForSelector('[data-testid=form-accept]');
    await steps.record(holder, 'task-accept-form', 'task-page', true);
    await steps.send(holder, 'accept');
    await steps.act(holder, 'reportProgress', 'task-progress', async (f) => {
      await f.locator('[name=percent]').fill('60');
      await f.locator('[name=text]').fill('Đã kéo cáp đến 12/20 xã.');
    });
    await close(holder);

    await close(
      await step('ubkt.hg', 'recordInspection', 'inspection', async (f) => {
        await f.locator('[name=findings]').fill('Sở KH&ĐT chậm bố trí vốn cho các xã vùng sâu.');
        await f.locator('[name=unitId]').fill('hg-skhdt');
      }),
    );

    // The review opens on its timer; each unit gives its value per target, labelled with the target.
    for (const [who, code, value, text] of [
      ['gd.skhdt.hg', 'HTS', '85', 'Đã có 85% xã có cáp quang.'],
      ['gd.stc.hg', 'THU', '12', 'Thu từ kinh tế số tăng 12%.'],
    ]) {
      const page = await steps.as(who);
      await steps.act(
        page,
        'submitReviewReport',
        `review-report-${who}`,
        async (f) => {
          await f.locator('[name=text]').fill(text);
          await f.locator(`[name="values.${code}"]`).fill(value);
        },
        { timeoutMs: 5 * 60_000 },
      );
      await close(page);
    }
  });

  stage('takes the task’s result after its due date and verifies it as done late', async () => {
    const holder = await steps.as('gd.skhdt.hg', `#/task/${encodeURIComponent(lateTaskId)}`);
    const wait = lateDue.getTime() - Date.now() + 2000;
    if (wait > 0) await holder.waitForTimeout(wait);
    await steps.act(holder, 'submitResult', 'task-result', (f) =>
      f.locator('[name=text]').fill('Đã kéo cáp quang đến 20/20 xã (chậm so với hạn).'),
    );
    await close(holder);
    const member = await steps.as('pbt.hg', `#/task/${encodeURIComponent(lateTaskId)}`);
    await steps.act(member, 'verify', 'task-verify');
    await steps.record(member, 'task-done-late');
    await close(member);
    const task = await eventually(async () => {
      const [t] = await suite.stack.dataSource.query(`SELECT status, due_at, done_at FROM task WHERE id = $1`, [
        lateTaskId,
      ]);
      return t?.status === 'DONE' && t;
    }, 'the task done in the read model');
    expect(new Date(task.done_at).getTime()).toBeGreaterThan(new Date(task.due_at).getTime());
  });

  stage('holds the final review, evaluates and closes the programme', async () => {
    const unit = await steps.as('gd.stc.hg');
    await steps.act(
      unit,
      'submitFinalReport',
      'final-report',
      async (f) => {
        await f.locator('[name=text]').fill('Tổng kết: thu từ kinh tế số tăng bình quân 13%/năm.');
        await f.locator('[name="values.THU"]').fill('13');
      },
      { timeoutMs: 10 * 60_000 },
    );
    await close(unit);
    await close(
      await step('pbt.hg', 'evaluate', 'evaluate', async (f) => {
        await f.locator('[name=subjectKind]').selectOption('UNIT');
        await f.locator('[name=subjectId]').fill('hg-skhdt');
        await f.locator('[name=rating]').selectOption('GOOD');
        await f.locator('[name=comment]').fill('Hoàn thành chỉ tiêu hạ tầng số, còn chậm một nhiệm vụ.');
      }),
    );
    await close(await step('bithu.hg', 'closeProgramme', 'close-programme', undefined, { timeoutMs: 3 * 60_000 }));
  });

  stage('leaves the read model, the audit trail and a PDF that say so', async () => {
    const d = await inPhase('CLOSED');
    expect(d.targets.map((t: { code: string }) => t.code)).toEqual(['HTS', 'THU']);
    const reported = d.targetValues.filter((v: { value: string | null }) => v.value !== null);
    expect(reported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetCode: 'HTS', value: '85' }),
        expect.objectContaining({ targetCode: 'THU', value: '12' }),
      ]),
    );
    expect(d.reviews.some((r: { kind: string }) => r.kind === 'FINAL')).toBe(true);
    const tasks = await suite.stack.dataSource.query(
      `SELECT code, status FROM task WHERE programme_id = $1 ORDER BY code`,
      [id],
    );
    expect(tasks.map((t: { code: string }) => t.code)).toEqual(['NV1', 'NV2']);
    const reports = await suite.stack.dataSource.query(
      `SELECT automatic FROM programme_report WHERE programme_id = $1`,
      [id],
    );
    expect(reports.some((r: { automatic: boolean }) => r.automatic)).toBe(true);
    // Every step left its audit event, by the person who took it (task steps in the task's history).
    const trail = async (table: string) =>
      (await suite.stack.dataSource.query(
        `SELECT action, actor_id AS "actorId" FROM ${table} WHERE programme_id = $1 ORDER BY id`,
        [id],
      )) as Array<{ action: string; actorId: string | null }>;
    const events = [...(await trail('audit_event')), ...(await trail('task_event'))];
    const by = (action: string) => events.filter((e) => e.action === action).map((e) => e.actorId);
    expect(by('assignSurveyors')).toEqual(['hg-cv1']);
    expect(by('submitSurveyFindings')).toEqual(['hg-skhdt-gd']);
    expect(by('submitDraft')).toEqual(['hg-cv1', 'hg-cv1']);
    expect(by('submitOpinion')).toEqual(['hg-skhdt-gd', 'hg-tv1']);
    expect(by('consultation.closed')).toEqual(['hg-cv1']);
    expect(by('submitForApproval')).toHaveLength(2);
    expect(by('sendBack')).toEqual(['hg-pbt']);
    expect(by('approve')).toEqual(['hg-bithu']);
    expect(by('issue')).toEqual(['hg-cv1']);
    expect(by('recordDissemination')).toEqual(['hg-bithu']);
    expect(by('acknowledgeDissemination')).toEqual(['hg-stc-gd']);
    expect(by('recordInspection')).toEqual(['hg-ubkt1']);
    expect(by('submitReviewReport').sort()).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);
    expect(by('review.closed').length).toBeGreaterThanOrEqual(2);
    expect(by('submitFinalReport')).toEqual(['hg-stc-gd']);
    expect(by('evaluate')).toEqual(['hg-pbt']);
    expect(by('closeProgramme')).toEqual(['hg-bithu']);
    for (const action of ['accept', 'reportProgress', 'submitResult']) expect(by(action)).toEqual(['hg-skhdt-gd']);
    expect(by('verify')).toEqual(['hg-pbt']);
    expect(new Set(events.map((e) => e.actorId).filter(Boolean)).size).toBe(7);
    expect(steps.people.size).toBeGreaterThanOrEqual(6);

    // The issued programme as PDF, downloaded from the console, in Vietnamese with its diacritics.
    const reader = await steps.as('pbt.hg');
    await reader.waitForSelector('[data-testid=issued-pdf]');
    await steps.record(reader, 'closed', 'programme-closed', true);
    const pdf = await steps.download(reader, '[data-testid=issued-pdf]', `${id}.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('45-CTr/TU');
    expect(text).toContain('Tỷ lệ xã có cáp quang');
    expect(text).toMatch(/Chương trình/);
    await steps.visit(reader, `${steps.programmeRoute}/audit`);
    await reader.waitForSelector('[data-testid=audit] tr[data-action=closeProgramme]');
    await steps.record(reader, 'audit-trail', 'audit', true);
    await close(reader);
  });
});
