/**
 * The programme workflow over a real five-year term, on the time-skipping test server: calendar
 * durations (P30D, P3M, P5Y) are skipped, not shortened. The activity is a recorder (the real
 * publisher is tested elsewhere), so what is asserted is what the workflow asks to publish.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  Actor,
  ActionPayloads,
  Comparator,
  findTemplate,
  Phase,
  ProgrammeActionName,
  ProgrammeSetup,
  Role,
  vnDateOf,
} from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { notificationsIn, recordingActivities, runHistories } from '../../../test/utils/time-skipping-env';
import { useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import { recordHistories } from '../../../test/utils/record-history';
import { taskUpdates } from '../task/definitions';
import {
  ProgrammeActionResult,
  ProgrammeOutcome,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
  PROGRAMME_WORKFLOW_TYPE,
} from './definitions';

const DAY = 86_400_000;
/** Every run of the workflow must stay far below Temporal's history limits. */
const MAX_EVENTS_PER_RUN = 4096;

// People and units of the Hậu Giang demo organisation.
const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const BITHU = person('hg-bithu', 'hg-tu', Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE); // head of the issuing committee
const PBT = person('hg-pbt', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE); // member in charge
const TV1 = person('hg-tv1', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);
const CV = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF); // drafting team
const SKHDT = person('hg-skhdt-gd', 'hg-skhdt', Role.HEAD, Role.KEY_CADRE); // responsible for GRDP
const STC = person('hg-stc-gd', 'hg-stc', Role.HEAD, Role.KEY_CADRE); // responsible for revenue

const ts = useTimeSkippingEnv();

/** The activity as the workflow sees it: every call recorded, nothing written. */
function recordingProgrammeActivities() {
  const { activities, programmes } = recordingActivities();
  return { activities, notifications: (kind?: string) => notificationsIn(programmes, kind) };
}

function setupFor(programmeId: string): ProgrammeSetup {
  return {
    programmeId,
    title: 'Chương trình hành động số 123 thực hiện Nghị quyết 13-NQ/TW',
    templateId: 'action-programme',
    templateVersion: 1,
    issuingUnitId: 'hg-tu',
    issuingHeadId: BITHU.personId,
    memberInChargeId: PBT.personId,
    fieldGroup: 'economy',
    term: '2025-2030',
    implementsResolution: '13-NQ/TW',
    createdBy: CV.personId,
  };
}

function actions(handle: WorkflowHandle) {
  let n = 0;
  return async <N extends ProgrammeActionName>(
    name: N,
    actor: Actor,
    payload: ActionPayloads[N],
    requestId?: string,
  ): Promise<ProgrammeActionResult> =>
    handle.executeUpdate(programmeUpdates[name], {
      args: [{ actor, requestId: requestId ?? `${handle.workflowId}-${++n}`, payload }],
    });
}

/** Skips server time to a little after an instant (a day by default), so timers due then have fired. */
const skipTo = (instant: number, slackMs = DAY) => ts.skipTo(instant, slackMs);

/** Whole minutes from one instant to another (timers fire a few milliseconds after their due time). */
const minutesBetween = (from: number, to: string | number) =>
  Math.round(((typeof to === 'string' ? Date.parse(to) : to) - from) / 60_000);
const MIN_PER_DAY = 24 * 60;

async function expectRefusal(promise: Promise<unknown>, type: string): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a ${type} refusal, but the update was accepted`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(type);
  return cause as ApplicationFailure;
}

describe('programmeWorkflow (time-skipping test server, action-programme template)', () => {
  it('runs a five-year programme from survey to closing, with reminders, escalations, reviews and continue-as-new', async () => {
    const { activities, notifications } = recordingProgrammeActivities();
    const { worker, taskQueue } = await ts.startWorker(activities);
    const programmeId = `p-${randomUUID()}`;
    const workflowId = `programme-${programmeId}`;
    const template = findTemplate('action-programme', 1)!;
    const input: ProgrammeWorkflowInput = { setup: setupFor(programmeId), template, continueAsNewAfterEvents: 400 };

    await worker.runUntil(async () => {
      const handle = await ts.env.client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
        args: [input],
        taskQueue,
        workflowId,
      });
      const latest = ts.env.client.workflow.getHandle(workflowId);
      const act = actions(latest);
      const view = () => latest.query(programmeViewQuery);

      const created = await eventually(async () => {
        const v = await view();
        return v.phase === Phase.SURVEY && v;
      }, 'the SURVEY phase');
      const surveyDeadline = Date.parse(created.phaseDeadline!);
      expect(surveyDeadline - Date.parse(created.state.phaseEnteredAt)).toBe(30 * DAY);

      // Nobody acts in SURVEY for 40 days: two reminders before the deadline, two escalations after.
      await ts.env.sleep('40 days');
      await eventually(() => notifications('DEADLINE_ESCALATION').length >= 2 && true, 'two escalations in SURVEY');
      const surveyReminders = notifications('DEADLINE_REMINDER').filter((n) => n.params.step === Phase.SURVEY);
      expect(
        surveyReminders.map((n) => [minutesBetween(surveyDeadline, n.occurredAt), n.recipientIds, n.params.what]),
      ).toEqual([
        [-7 * MIN_PER_DAY, [PBT.personId], 'assign surveyors'],
        [-1 * MIN_PER_DAY, [PBT.personId], 'assign surveyors'],
      ]);
      const escalations = notifications('DEADLINE_ESCALATION');
      expect(
        escalations.map((n) => [
          minutesBetween(surveyDeadline, n.occurredAt),
          n.params.level,
          n.params.step,
          [...n.recipientIds].sort(),
        ]),
      ).toEqual([
        [1 * MIN_PER_DAY, 1, Phase.SURVEY, [PBT.personId]],
        [8 * MIN_PER_DAY, 2, Phase.SURVEY, [BITHU.personId, PBT.personId].sort()],
      ]);

      // Survey → draft → consultation.
      await act('assignSurveyors', CV, { surveyorIds: [SKHDT.personId, STC.personId] });
      await act('submitSurveyFindings', SKHDT, {
        text: 'Tăng trưởng giai đoạn trước khoảng 6,5%/năm; hạ tầng giao thông là điểm nghẽn.',
      });
      expect((await act('closeSurvey', CV, {})).phase).toBe(Phase.DRAFTING);
      await act('submitDraft', CV, { documentRef: 'DT-123/VPTU', changeNote: 'Dự thảo lần 1 sau khảo sát' });
      const consulting = await act('openConsultation', CV, {
        inviteeIds: [PBT.personId, TV1.personId, SKHDT.personId],
      });
      expect(consulting.phase).toBe(Phase.CONSULTATION);
      expect(consulting.consultation?.pending).toEqual([PBT.personId, TV1.personId, SKHDT.personId]);

      // An opinion must be given personally: the advisory staff may not file one for a key cadre.
      const refusal = await expectRefusal(
        act('submitOpinion', CV, { text: 'Thống nhất.', onBehalfOf: PBT.personId }),
        'FORBIDDEN',
      );
      expect(refusal.message).toMatch(/personally/);
      const opinionRequest = `${workflowId}-opinion-pbt`;
      const answered = await act(
        'submitOpinion',
        PBT,
        { text: 'Đề nghị lượng hóa chỉ tiêu thu ngân sách.' },
        opinionRequest,
      );
      // A retried request (same id) has one effect: the retry only reads, it is not refused as a second opinion.
      const retried = await act(
        'submitOpinion',
        PBT,
        { text: 'Đề nghị lượng hóa chỉ tiêu thu ngân sách.' },
        opinionRequest,
      );
      expect(retried.version).toBe(answered.version);
      expect(retried.consultation?.answered).toEqual([PBT.personId]);
      await expectRefusal(act('submitOpinion', PBT, { text: 'Ý kiến lần hai' }), 'WRONG_PHASE');
      await act('submitOpinion', TV1, { text: 'Bổ sung giải pháp về nguồn nhân lực.' });
      await act('submitOpinion', SKHDT, { text: 'Thống nhất với dự thảo.' });
      expect((await act('closeConsultation', CV, {})).phase).toBe(Phase.DRAFTING);

      // Approval → issue → dissemination by the head in person.
      expect((await act('submitForApproval', CV, {})).phase).toBe(Phase.APPROVAL);
      expect((await act('approve', BITHU, { note: 'Thông qua tại hội nghị Ban Thường vụ' })).phase).toBe(Phase.ISSUED);
      const today = vnDateOf(await ts.env.currentTimeMs());
      const twoYears = new Date((await ts.env.currentTimeMs()) + 730 * DAY).toISOString();
      const issued = await act('issue', CV, {
        documentNumber: '123-CTr/TU',
        issuedOn: today,
        targets: [
          {
            code: 'GRDP',
            name: 'Tăng trưởng GRDP bình quân',
            unit: '%/năm',
            baseline: '6.5',
            goal: { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' },
            responsibleUnitId: 'hg-skhdt',
          },
          {
            code: 'REV',
            name: 'Tăng thu ngân sách trên địa bàn',
            unit: '%/năm',
            goal: { comparator: Comparator.AT_LEAST, goal: '15' },
            responsibleUnitId: 'hg-stc',
          },
        ],
        tasks: [
          {
            code: 'T1',
            title: 'Kế hoạch thu hút đầu tư',
            responsibleUnitId: 'hg-skhdt',
            responsiblePersonId: SKHDT.personId,
            coordinatingUnitIds: ['hg-stc'],
            dueAt: twoYears,
          },
          {
            code: 'T2',
            title: 'Đề án tăng thu ngân sách',
            responsibleUnitId: 'hg-stc',
            responsiblePersonId: STC.personId,
            coordinatingUnitIds: [],
            dueAt: twoYears,
          },
        ],
        solutions: ['Cải thiện môi trường đầu tư'],
        resources: ['Ngân sách tỉnh'],
        steeringCommittee: { headId: BITHU.personId, memberIds: [PBT.personId, SKHDT.personId] },
      });
      expect(issued.phase).toBe(Phase.DISSEMINATION);
      const disseminated = await act('recordDissemination', BITHU, {
        heldOn: today,
        audienceIds: [PBT.personId, TV1.personId, SKHDT.personId, STC.personId],
      });
      expect(disseminated.phase).toBe(Phase.IMPLEMENTATION);
      const implementing = await view();
      expect(implementing.phase).toBe(Phase.IMPLEMENTATION);
      const reviews = implementing.state.implementation.reviews;
      expect(reviews).toHaveLength(19); // quarterly over five years, the 20th is the final review
      expect(reviews[0].expectedUnitIds).toEqual(['hg-skhdt', 'hg-stc']);
      const termEnd = Date.parse(implementing.state.implementation.termEndsAt!);
      const startedAt = Date.parse(implementing.state.implementation.startedAt!);
      expect(Number(vnDateOf(termEnd).slice(0, 4)) - Number(vnDateOf(startedAt).slice(0, 4))).toBe(5);
      expect(minutesBetween(startedAt, reviews[0].closesAt) - minutesBetween(startedAt, reviews[0].opensAt)).toBe(
        15 * MIN_PER_DAY,
      );
      // Skip to review i's opening (or closing) and wait until the worker has processed it.
      const reachReviewOpening = async (i: number) => {
        await skipTo(Date.parse(reviews[i].opensAt));
        await eventually(() => notifications('REVIEW_OPENED').length >= i + 1 && true, `review ${i + 1} to open`);
      };
      const reachReviewClosing = async (i: number) => {
        await skipTo(Date.parse(reviews[i].closesAt));
        return eventually(
          () => notifications('REVIEW_CLOSED').find((n) => n.params.period === reviews[i].periodLabel),
          `review ${i + 1} to close`,
        );
      };

      // Quarter 1: the review opens, both units report; GRDP inside the range, revenue short.
      await reachReviewOpening(0);
      const opened = notifications('REVIEW_OPENED')[0];
      expect(opened.params.period).toBe(reviews[0].periodLabel);
      expect([...opened.recipientIds].sort()).toEqual([SKHDT.personId, STC.personId]);
      await act('submitReviewReport', SKHDT, { reviewSeq: 1, text: 'GRDP quý I', values: { GRDP: '7.2' } });
      await act('submitReviewReport', STC, { reviewSeq: 1, text: 'Thu ngân sách quý I', values: { REV: '12' } });
      const closed1 = await reachReviewClosing(0);
      expect(closed1.params.headline).toBe('1/2 achieved or exceeded');
      expect((await view()).latestReviewHeadline).toBe('1/2 achieved or exceeded');

      // Quarter 2: only the planning department reports, before the reminders; finance is reminded.
      await reachReviewOpening(1);
      await act('submitReviewReport', SKHDT, { reviewSeq: 2, text: 'GRDP 6 tháng', values: { GRDP: '7.8' } });
      const closed2 = await reachReviewClosing(1);
      expect(closed2.params.headline).toBe('1/2 achieved or exceeded');
      const review2Reminders = notifications('DEADLINE_REMINDER').filter(
        (n) => n.params.step === reviews[1].periodLabel,
      );
      expect(
        review2Reminders.map((n) => [minutesBetween(Date.parse(reviews[1].closesAt), n.occurredAt), n.recipientIds]),
      ).toEqual([
        [-7 * MIN_PER_DAY, [STC.personId]],
        [-1 * MIN_PER_DAY, [STC.personId]],
      ]);
      expect(notifications('DEADLINE_REMINDER').filter((n) => n.params.step === reviews[0].periodLabel)).toEqual([]); // everyone had reported

      // Quarter 3: both units report, both goals exceeded.
      await reachReviewOpening(2);
      await act('submitReviewReport', SKHDT, { reviewSeq: 3, text: 'GRDP 9 tháng', values: { GRDP: '7.6' } });
      await act('submitReviewReport', STC, { reviewSeq: 3, text: 'Thu ngân sách 9 tháng', values: { REV: '16' } });
      const closed3 = await reachReviewClosing(2);
      expect(closed3.params.headline).toBe('2/2 achieved or exceeded');
      expect((await view()).latestReviewHeadline).toBe('2/2 achieved or exceeded');

      // The rest of the term passes without reports; the term ends and the final review opens.
      for (let now = await ts.env.currentTimeMs(); now < termEnd + DAY; now = await ts.env.currentTimeMs())
        await ts.env.sleep(Math.min(120 * DAY, termEnd + DAY - now));
      const finalView = await eventually(async () => {
        const v = await view();
        return v.phase === Phase.FINAL_REVIEW && v;
      }, 'the FINAL_REVIEW phase');
      expect(notifications('REVIEW_CLOSED').map((n) => n.params.period)).toEqual(reviews.map((r) => r.periodLabel));
      expect(finalView.latestReviewHeadline).toBe('0/2 achieved or exceeded'); // the last quarter had no data
      const finalReview = finalView.state.finalReview.review!;
      expect(finalReview.expectedUnitIds).toEqual(['hg-skhdt', 'hg-stc']);
      expect(Date.parse(finalReview.closesAt) - Date.parse(finalReview.opensAt)).toBe(30 * DAY);

      const finalOpened = notifications('REVIEW_OPENED').filter((n) => n.params.period === finalReview.periodLabel);
      expect(finalOpened.map((n) => [...n.recipientIds].sort())).toEqual([[SKHDT.personId, STC.personId]]);

      // Planning reports at once; finance only after both reminders (7 days and 1 day before the close).
      await act('submitFinalReport', SKHDT, { text: 'Tổng kết GRDP', values: { GRDP: '7.4' } });
      await skipTo(Date.parse(finalReview.closesAt) - DAY / 2, 0);
      const finalReminders = await eventually(() => {
        const r = notifications('DEADLINE_REMINDER').filter((n) => n.params.step === finalReview.periodLabel);
        return r.length === 2 && r;
      }, 'two final-report reminders');
      expect(
        finalReminders.map((n) => [minutesBetween(Date.parse(finalReview.closesAt), n.occurredAt), n.recipientIds]),
      ).toEqual([
        [-7 * MIN_PER_DAY, [STC.personId]],
        [-1 * MIN_PER_DAY, [STC.personId]],
      ]);
      await act('submitFinalReport', STC, { text: 'Tổng kết thu ngân sách', values: { REV: '15' } });
      await skipTo(Date.parse(finalReview.closesAt));
      const finalClosed = await eventually(
        () => notifications('REVIEW_CLOSED').find((n) => n.params.period === finalReview.periodLabel),
        'the final review to close',
      );
      expect(finalClosed.params.headline).toBe('2/2 achieved or exceeded');
      expect((await view()).latestReviewHeadline).toBe('2/2 achieved or exceeded');

      // Nobody evaluates or closes: after the phase deadline the programme escalates to the member in charge.
      const finalDeadline = Date.parse(finalView.state.phaseDeadline!);
      await skipTo(finalDeadline + DAY + DAY / 2);
      const finalEscalation = await eventually(
        () => notifications('DEADLINE_ESCALATION').find((n) => n.params.step === Phase.FINAL_REVIEW),
        'the final review to escalate',
      );
      expect(finalEscalation).toMatchObject({
        recipientIds: [PBT.personId],
        params: { level: 1, what: 'evaluations and closing' },
      });
      expect(minutesBetween(finalDeadline, finalEscalation.occurredAt)).toBe(MIN_PER_DAY);

      // T1, started as a child before the programme continued as new, is done now (after its due date)
      // and reported back to the programme's latest run; T2 is still open, past its due date.
      expect((await view()).state.taskOutcomes ?? {}).toEqual({});
      const t1 = ts.env.client.workflow.getHandle(`task/${programmeId}/T1`);
      const taskAct = (name: 'accept' | 'submitResult' | 'verify', actor: Actor, payload: object) =>
        t1.executeUpdate(taskUpdates[name] as never, {
          args: [{ actor, requestId: `${programmeId}-T1-${name}`, payload }] as never,
        });
      await taskAct('accept', SKHDT, {});
      await taskAct('submitResult', SKHDT, { text: 'Kế hoạch thu hút đầu tư đã ban hành' });
      await taskAct('verify', PBT, {});
      await eventually(
        async () => (await view()).state.taskOutcomes?.[`${programmeId}/T1`]?.status === 'DONE',
        'T1 done, reported to the programme',
      );

      await act('evaluate', PBT, {
        subjectKind: 'UNIT',
        subjectId: 'hg-skhdt',
        rating: 'GOOD',
        comment: 'Hoàn thành tốt',
      });
      expect((await view()).state.finalReview.evaluations[0].figures).toEqual({
        tasksOnTime: 0,
        tasksLate: 1,
        tasksOverdue: 0,
        targetsAchieved: 1,
        targetsTotal: 1,
      });
      await act('evaluate', PBT, {
        subjectKind: 'UNIT',
        subjectId: 'hg-stc',
        rating: 'COMPLETED',
        comment: 'Hoàn thành',
      });
      expect((await view()).state.finalReview.evaluations[1].figures).toMatchObject({
        tasksOnTime: 0,
        tasksLate: 0,
        tasksOverdue: 1,
      });
      expect((await act('closeProgramme', BITHU, {})).phase).toBe(Phase.CLOSED);

      const outcome: ProgrammeOutcome = await handle.result();
      expect(outcome).toMatchObject({ programmeId, phase: Phase.CLOSED, headline: '2/2 achieved or exceeded' });
      expect(outcome.runs).toBeGreaterThan(1);
      expect(notifications('PROGRAMME_CLOSED')).toHaveLength(1);

      // Keys are unique across continue-as-new (the notifier deduplicates by key).
      const keys = notifications().map((n) => n.key);
      expect(new Set(keys).size).toBe(keys.length);

      const runs = await runHistories(ts.env.client, workflowId, handle.firstExecutionRunId);
      expect(runs).toHaveLength(outcome.runs);
      for (const run of runs) expect(run.events).toBeLessThan(MAX_EVENTS_PER_RUN);
      const latestHistory = await latest.fetchHistory();
      expect(latestHistory.events?.length ?? 0).toBeLessThan(MAX_EVENTS_PER_RUN);
      // Replay fixtures (only with RECORD_HISTORIES_TO set): every run of the chain, and the task that reported back.
      await recordHistories(ts.env.client, workflowId, 'programme-five-year-term.v1');
      await recordHistories(ts.env.client, `task/${programmeId}/T1`, 'task-programme-child-done-late.v1');
    });
  }, 300_000);
});
