import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { programmeSteps } from './utils/programme-steps';
import { eventually, TestStack } from './utils/test-stack';

/**
 * One programme through every phase, over HTTP, as the seeded people who do each step, on the real
 * stack (Temporal dev server, Postgres, Redis, worker, notifier). After each step the test reads the
 * read model, the live state (workflow query), the audit trail and the notification jobs in BullMQ.
 * The `drill` template keeps the human phases' deadlines long and lets the term, its two reviews and
 * the final review pass in seconds, so the timers are the workflow's own.
 */
describe('programme lifecycle (e2e)', () => {
  const { auth, act, ok, readModel, liveState, auditActions, jobs, job, start, close } = programmeSteps();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await start();
  });

  afterAll(async () => {
    await close();
  });

  const sorted = (ids: string[]) => [...ids].sort();

  it('goes from survey to closing, checking read model, live state, audit and notifications at each step', async () => {
    const id = `e2e-lifecycle-${randomUUID().slice(0, 8)}`;
    const staff = await stack.login('chuyenvien.hg');
    const created = await stack.http().post('/programmes').set(auth(staff)).send({
      id,
      templateId: 'drill',
      title: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW (diễn tập)',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      implementsResolution: '13-NQ/TW',
    });
    expect(created.status).toBe(201);
    let rm = await readModel(id, 0);
    expect(rm.programme).toMatchObject({
      phase: 'SURVEY',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      implementsResolution: '13-NQ/TW',
    });
    expect(rm.live).toMatchObject({ phase: 'SURVEY', awaiting: { what: 'assign surveyors' } });

    // SURVEY: the office assigns two surveyors; each submits findings; the office closes the survey.
    let v = await ok('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd', 'hg-stc-gd'] });
    expect(sorted((await job(id, 'SURVEY_ASSIGNED')).recipientIds)).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);
    await ok('gd.skhdt.hg', id, 'submitSurveyFindings', { text: 'Thu hút đầu tư còn thấp so với tiềm năng' });
    v = await ok('gd.stc.hg', id, 'submitSurveyFindings', { text: 'Thu ngân sách phụ thuộc vào đất đai' });
    expect(v.state).toBeUndefined(); // an action's answer stays small: it is written into the history
    expect(Object.keys((await liveState(id)).survey.findings).sort()).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);
    v = await ok('chuyenvien.hg', id, 'closeSurvey', {});
    expect(v.phase).toBe('DRAFTING');
    rm = await readModel(id, v.version);
    expect(rm.programme.phase).toBe('DRAFTING');
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['assignSurveyors', 'submitSurveyFindings', 'closeSurvey', 'phase.changed']),
    );
    expect(sorted((await job(id, 'PHASE_CHANGED', (d) => d.params.to === 'DRAFTING')).recipientIds)).toEqual([
      'hg-bithu',
      'hg-pbt',
    ]);

    // DRAFTING ⇄ CONSULTATION: a draft, a round with three invitees who must answer in person.
    await ok('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo chương trình lần 1', changeNote: 'bản đầu' });
    v = await ok('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd'] });
    expect(v.phase).toBe('CONSULTATION');
    expect(sorted((await job(id, 'CONSULTATION_INVITATION')).recipientIds)).toEqual([
      'hg-pbt',
      'hg-skhdt-gd',
      'hg-tv1',
    ]);
    const onBehalf = await act('chuyenvien.hg', id, 'submitOpinion', { text: 'Nhất trí', onBehalfOf: 'hg-tv1' });
    expect(onBehalf.status).toBe(403);
    expect(onBehalf.body.message).toMatch(/personally/);
    await ok('pbt.hg', id, 'submitOpinion', { text: 'Bổ sung chỉ tiêu PCI' });
    v = await ok('tvbtv.hg', id, 'submitOpinion', { text: 'Nhất trí với dự thảo' });
    expect(v.consultation).toMatchObject({ round: 1, answered: ['hg-pbt', 'hg-tv1'], pending: ['hg-skhdt-gd'] });
    rm = await readModel(id, v.version);
    expect(rm.live.consultation.pending).toEqual(['hg-skhdt-gd']);
    const early = await act('chuyenvien.hg', id, 'closeConsultation', {});
    expect(early.status).toBe(409);
    await ok('gd.skhdt.hg', id, 'submitOpinion', { text: 'Đề nghị làm rõ nguồn lực' });
    v = await ok('chuyenvien.hg', id, 'closeConsultation', {});
    expect(v.phase).toBe('DRAFTING');
    expect((await liveState(id)).consultations[0].silentIds).toEqual([]);

    // APPROVAL: sent back once with reasons, then approved by the secretary.
    await ok('chuyenvien.hg', id, 'submitForApproval', {});
    const notApprover = await act('chuyenvien.hg', id, 'approve', {});
    expect(notApprover.status).toBe(403);
    v = await ok('pbt.hg', id, 'sendBack', { reasons: 'Làm rõ lộ trình tăng thu ngân sách' });
    expect(v.phase).toBe('DRAFTING');
    await ok('chuyenvien.hg', id, 'submitDraft', {
      text: 'Dự thảo chương trình lần 2',
      changeNote: 'tiếp thu ý kiến Thường trực',
    });
    await ok('chuyenvien.hg', id, 'submitForApproval', {});
    v = await ok('bithu.hg', id, 'approve', { note: 'Thống nhất ban hành' });
    expect(v.phase).toBe('ISSUED');

    // ISSUED: number, date, targets with comparators, tasks for two departments, steering committee.
    const badIssue = await act('chuyenvien.hg', id, 'issue', {
      documentNumber: '123-CTr/TU',
      issuedOn: '2021-09-15',
      targets: [],
      tasks: [],
      solutions: [],
      resources: [],
      secret: 1,
    });
    expect(badIssue.status).toBe(400);
    expect(badIssue.body.message).toEqual(['payload.secret is not a field of this action']);
    const due = new Date(Date.now() + 3600_000).toISOString();
    v = await ok('chuyenvien.hg', id, 'issue', {
      documentNumber: '123-CTr/TU',
      issuedOn: '2021-09-15',
      targets: [
        {
          code: 'GRDP',
          name: 'Tăng trưởng GRDP bình quân',
          unit: '%/năm',
          goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' },
          responsibleUnitId: 'hg-skhdt',
        },
        {
          code: 'REV',
          name: 'Thu ngân sách trên địa bàn tăng',
          unit: '%/năm',
          goal: { comparator: 'AT_LEAST', goal: '15' },
          responsibleUnitId: 'hg-stc',
        },
      ],
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch thu hút đầu tư',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          coordinatingUnitIds: ['hg-stc'],
          dueAt: due,
        },
        {
          code: 'T2',
          title: 'Đề án tăng thu ngân sách',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          dueAt: due,
        },
      ],
      solutions: ['Cải thiện môi trường đầu tư', 'Chống thất thu'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee: { headId: 'hg-bithu', memberIds: ['hg-pbt', 'hg-skhdt-gd'] },
    });
    expect(v.phase).toBe('DISSEMINATION');
    rm = await readModel(id, v.version);
    expect(rm.programme).toMatchObject({
      phase: 'DISSEMINATION',
      documentNumber: '123-CTr/TU',
      issuedOn: '2021-09-15',
    });
    expect(rm.targets.map((t: { code: string }) => t.code)).toEqual(['GRDP', 'REV']);

    // DISSEMINATION: only the head records the conference; the audience acknowledges.
    const audience = ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd', 'hg-stc-gd'];
    const byStaff = await act('chuyenvien.hg', id, 'recordDissemination', {
      heldOn: '2021-09-20',
      audienceIds: audience,
    });
    expect(byStaff.status).toBe(403);
    expect(byStaff.body.message).toMatch(/head of the issuing committee/);
    v = await ok('bithu.hg', id, 'recordDissemination', { heldOn: '2021-09-20', audienceIds: audience });
    expect(v.phase).toBe('IMPLEMENTATION');
    const implementation = (await liveState(id)).implementation;
    const implementationStarted = Date.parse(implementation.startedAt);
    const reviews = implementation.reviews as Array<{
      seq: number;
      periodLabel: string;
      opensAt: string;
      closesAt: string;
    }>;
    expect(reviews).toHaveLength(2);
    expect(sorted((await job(id, 'DISSEMINATION_ACK_REQUEST')).recipientIds)).toEqual(sorted(audience));
    v = await ok('pbt.hg', id, 'acknowledgeDissemination', {});
    expect(v.disseminationCoverage).toEqual({ acknowledged: 1, audience: 4 });
    const outsiderAck = await act('bithu.vithanh', id, 'acknowledgeDissemination', {});
    expect(outsiderAck.status).toBe(403); // a reader of the programme, not in the audience
    const otherProvince = await act('chuyenvien.lc', id, 'acknowledgeDissemination', {});
    expect(otherProvince.status).toBe(404); // told nothing of a programme they may not see

    // IMPLEMENTATION: an annual plan, an inspection, two reviews that open and close on their timers.
    await ok('chuyenvien.hg', id, 'addAnnualPlan', {
      year: 2022,
      title: 'Kế hoạch thực hiện năm 2022',
      items: ['Hội nghị xúc tiến đầu tư'],
    });
    v = await ok('ubkt.hg', id, 'recordInspection', { findings: 'Sở Tài chính chậm xây dựng đề án', unitId: 'hg-stc' });
    expect(v.phase).toBe('IMPLEMENTATION');
    expect((await liveState(id)).implementation.inspections).toHaveLength(1);
    expect(Date.now()).toBeLessThan(Date.parse(reviews[0].opensAt)); // everything above ran before the first review

    const opened1 = await job(id, 'REVIEW_OPENED', (d) => d.params.period === reviews[0].periodLabel);
    // The reporting units, and the steering committee (hg-bithu, hg-pbt, hg-skhdt-gd) hears of every review.
    expect(sorted(opened1.recipientIds)).toEqual(['hg-bithu', 'hg-pbt', 'hg-skhdt-gd', 'hg-stc-gd']);
    await ok('gd.skhdt.hg', id, 'submitReviewReport', {
      reviewSeq: 1,
      text: 'GRDP ước đạt 7,2%',
      values: { GRDP: '7.2' },
    });
    await ok('gd.stc.hg', id, 'submitReviewReport', {
      reviewSeq: 1,
      text: 'Thu ngân sách tăng 12%',
      values: { REV: '12' },
    });
    const closed1 = await job(id, 'REVIEW_CLOSED', (d) => d.params.period === reviews[0].periodLabel);
    expect(closed1.params.headline).toBe('1/2 achieved or exceeded');

    // The second review gets no reports: both units are reminded, the review closes with no data.
    const reminders2 = await eventually(async () => {
      const r = (await jobs(id, 'DEADLINE_REMINDER')).filter((d) => d.params.step === reviews[1].periodLabel);
      return r.length === 2 && r;
    }, 'two reminders for the second review');
    for (const r of reminders2) expect(sorted(r.recipientIds)).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);
    const closed2 = await job(id, 'REVIEW_CLOSED', (d) => d.params.period === reviews[1].periodLabel);
    expect(closed2.params.headline).toBe('0/2 achieved or exceeded');

    // FINAL_REVIEW: the term ends by itself; the final review opens, both report, it closes.
    const final = await eventually(async () => {
      const res = await stack.http().get(`/programmes/${id}`).set(auth(staff));
      return res.body.live?.phase === 'FINAL_REVIEW' && res.body.live;
    }, 'the FINAL_REVIEW phase');
    const finalReview = final.state.finalReview.review;
    expect(
      sorted((await job(id, 'REVIEW_OPENED', (d) => d.params.period === finalReview.periodLabel)).recipientIds),
    ).toEqual(['hg-bithu', 'hg-pbt', 'hg-skhdt-gd', 'hg-stc-gd']);
    await ok('gd.skhdt.hg', id, 'submitFinalReport', { text: 'GRDP bình quân 7,4%', values: { GRDP: '7.4' } });
    await ok('gd.stc.hg', id, 'submitFinalReport', { text: 'Thu ngân sách tăng bình quân 16%', values: { REV: '16' } });
    const closedFinal = await job(id, 'REVIEW_CLOSED', (d) => d.params.period === finalReview.periodLabel);
    expect(closedFinal.params.headline).toBe('2/2 achieved or exceeded');

    // The read model holds every review with its headline and every target's value per period.
    rm = await eventually(async () => {
      const m = await readModel(id, 0);
      return m.reviews.length === 3 && m.reviews.every((r: { closedAt: string | null }) => r.closedAt) && m;
    }, 'three closed reviews in the read model');
    expect(rm.reviews.map((r: { kind: string; headline: string }) => [r.kind, r.headline])).toEqual([
      [expect.any(String), '1/2 achieved or exceeded'],
      [expect.any(String), '0/2 achieved or exceeded'],
      ['FINAL', '2/2 achieved or exceeded'],
    ]);
    expect(rm.programme.latestReviewHeadline).toBe('2/2 achieved or exceeded');
    const values = rm.targetValues.map(
      (t: { targetCode: string; reviewSeq: number; value: string | null; achievement: string }) => [
        t.targetCode,
        t.reviewSeq,
        t.value,
        t.achievement,
      ],
    );
    expect(values).toEqual([
      ['GRDP', 1, '7.2', 'ACHIEVED'],
      ['REV', 1, '12', 'NOT_ACHIEVED'],
      ['GRDP', 2, null, 'NO_DATA'],
      ['REV', 2, null, 'NO_DATA'],
      ['GRDP', 3, '7.4', 'ACHIEVED'],
      ['REV', 3, '16', 'EXCEEDED'],
    ]);

    // Evaluation, commendation, lessons and closing by the leadership.
    const evaluatedByStaff = await act('chuyenvien.hg', id, 'evaluate', {
      subjectKind: 'UNIT',
      subjectId: 'hg-skhdt',
      rating: 'GOOD',
      comment: 'x',
    });
    expect(evaluatedByStaff.status).toBe(403);
    v = await ok('pbt.hg', id, 'evaluate', {
      subjectKind: 'UNIT',
      subjectId: 'hg-skhdt',
      rating: 'EXCELLENT',
      comment: 'Hoàn thành xuất sắc',
    });
    expect((await liveState(id)).finalReview.evaluations[0].figures).toMatchObject({
      targetsAchieved: 1,
      targetsTotal: 1,
    });
    await ok('pbt.hg', id, 'commend', { subjectKind: 'PERSON', subjectId: 'hg-skhdt-gd', text: 'Biểu dương' });
    await ok('pbt.hg', id, 'recordLessons', { lessons: ['Phân công rõ người, rõ việc, rõ thời hạn'] });
    v = await ok('bithu.hg', id, 'closeProgramme', {});
    expect(v.phase).toBe('CLOSED');
    expect(sorted((await job(id, 'PROGRAMME_CLOSED')).recipientIds)).toEqual(['hg-bithu', 'hg-pbt']);

    rm = await readModel(id, v.version);
    expect(rm.programme.phase).toBe('CLOSED');
    expect(rm.phaseHistory.map((h: { phase: string }) => h.phase)).toEqual([
      'SURVEY',
      'DRAFTING',
      'CONSULTATION',
      'DRAFTING',
      'APPROVAL',
      'DRAFTING',
      'APPROVAL',
      'ISSUED',
      'DISSEMINATION',
      'IMPLEMENTATION',
      'FINAL_REVIEW',
      'CLOSED',
    ]);
    const trail = await auditActions(id);
    for (const action of [
      'issue',
      'recordDissemination',
      'acknowledgeDissemination',
      'addAnnualPlan',
      'recordInspection',
      'submitReviewReport',
      'review.opened',
      'review.closed',
      'submitFinalReport',
      'evaluate',
      'commend',
      'recordLessons',
      'closeProgramme',
    ]) {
      expect(trail).toContain(action);
    }
    expect(Date.now() - implementationStarted).toBeLessThan(120_000);

    // A closed programme accepts nothing more.
    const afterClose = await act('chuyenvien.hg', id, 'recordInspection', { findings: 'muộn' });
    expect(afterClose.status).toBe(409);

    // Its history replays on the current code; with RECORD_HISTORIES_TO set it is kept as a fixture
    // for the replay test, so later versions of the workflow are checked against it.
    const history = await stack.api.get(Client).workflow.getHandle(`programme/${id}`).fetchHistory();
    await expect(
      Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history, `programme/${id}`),
    ).resolves.toBeUndefined();
    if (process.env.RECORD_HISTORIES_TO) {
      const cli = process.env.TEMPORAL_CLI ?? path.join(__dirname, '../.tools/temporal/bin/temporal');
      const json = execFileSync(
        cli,
        ['workflow', 'show', '--address', process.env.TEMPORAL_ADDRESS!, '-w', `programme/${id}`, '-o', 'json'],
        { maxBuffer: 64 << 20 },
      );
      writeFileSync(path.join(process.env.RECORD_HISTORIES_TO, 'programme-drill-full-lifecycle.json'), json);
    }
  });
});
