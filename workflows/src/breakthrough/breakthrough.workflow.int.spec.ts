/**
 * Breakthrough cycles on the time-skipping test server; the activities are recorders.
 * - A year with the numbers of Hải Dương in 2022 (seed 003): 36 tasks chosen by the district
 *   committees, 178 assigned to heads after the Standing Committee's appraisal; each approved
 *   registration becomes a task workflow (child); the year-end evaluation counts what the tasks reported.
 * - A small cycle continuing as new along the way: reminders before both deadlines, both windows
 *   closed by their timers, an appraisal with a revision, a rejection and a registration never
 *   appraised, one task done and reported back, and the year-end evaluation.
 * Each part has a server of its own: a server's clock only moves forward.
 */
import { randomUUID } from 'node:crypto';
import {
  Actor,
  BreakthroughActionName,
  BreakthroughFigures,
  BreakthroughPayloads,
  BreakthroughPhase,
  BreakthroughSetup,
  BreakthroughSummary,
  breakthroughTaskId,
  emptyFigures,
  Role,
  TaskSetup,
} from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { recordHistories } from '../../../test/utils/record-history';
import { notificationsIn, recordingActivities, runHistories } from '../../../test/utils/time-skipping-env';
import { TimeSkippingSuite, useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import { taskUpdates, taskViewQuery } from '../task/definitions';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActionResult,
  breakthroughUpdates,
  breakthroughViewQuery,
} from './definitions';

const MAX_EVENTS_PER_RUN = 4096;

const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });

const DISTRICTS = Array.from({ length: 36 }, (_, i) => `hd-d${String(i + 1).padStart(2, '0')}`);
const DISTRICT_SECRETARIES = DISTRICTS.map((u) => person(`${u}-bt`, u, Role.HEAD, Role.KEY_CADRE));
/** Heads managed by the provincial Standing Committee who register personally: 190 register, 178 are assigned. */
const HEADS = Array.from({ length: 190 }, (_, i) =>
  person(`hd-head-${String(i + 1).padStart(3, '0')}`, `hd-dept-${String(i + 1).padStart(3, '0')}`, Role.HEAD),
);
const APPRAISER = person('hd-btv-1', 'hd-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);

/** Runs `fn` over items, `width` at a time (updates to one workflow, in parallel but bounded). */
async function inBatches<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)));
}

/** A 2027 cycle of a committee: registration until Friday 15/1, appraisal until Friday 26/2. */
function cycleSetup(unitId: string, title: string, invitedUnitIds: string[]): BreakthroughSetup {
  return {
    unitId,
    year: 2027,
    title,
    memberInChargeId: 'hd-pbt',
    fieldGroup: 'party-building',
    appraiserIds: [APPRAISER.personId],
    invitedUnitIds,
    registrationDeadline: iso(vn('2027-01-15T17:00:00')),
    appraisalDeadline: iso(vn('2027-02-26T17:00:00')),
    yearEndsAt: iso(vn('2027-12-31T17:00:00')),
    reminderOffsets: ['P3D', 'P1D'],
    taskReminderOffsets: ['P7D', 'P1D', 'P0D'],
    taskEscalationOffsets: ['P1D', 'P3D'],
    createdBy: APPRAISER.personId,
  };
}

/** Year-end figures of one kind of registrant: zero where not given. */
const figures = (f: Partial<BreakthroughFigures>): BreakthroughFigures => ({ ...emptyFigures(), ...f });

/** The task of a task workflow's id. */
const taskIdOf = (workflowId: string) => workflowId.slice('task/'.length);

/** A task's view, through its query (what the worker's projection activity reads). */
const taskView = (ts: TimeSkippingSuite, taskId: string) =>
  ts.env.client.workflow.getHandle(`task/${taskId}`).query(taskViewQuery);

/** The refusal an action meets, or 'accepted'. */
const refusalOf = (action: Promise<unknown>) =>
  action.then(
    () => 'accepted',
    (e) => e.cause?.type,
  );

/** Staff actions on a cycle (its latest run), each with a request id of its own, and its view. */
function cycleClient(ts: TimeSkippingSuite, workflowId: string) {
  const handle = ts.env.client.workflow.getHandle(workflowId);
  const view = () => handle.query(breakthroughViewQuery);
  let n = 0;
  return {
    act: <N extends BreakthroughActionName>(name: N, actor: Actor, payload: BreakthroughPayloads[N]) =>
      handle.executeUpdate(breakthroughUpdates[name] as never, {
        args: [{ actor, requestId: `${workflowId}-${++n}`, payload }] as never,
      }) as Promise<BreakthroughActionResult>,
    view,
    /** The view once the cycle has reached `phase`. */
    reached: (phase: BreakthroughPhase) =>
      eventually(async () => {
        const v = await view();
        return v.phase === phase && v;
      }, `the ${phase} phase`),
  };
}

describe('breakthroughCycleWorkflow (time-skipping test server, seed 003 numbers)', () => {
  const ts = useTimeSkippingEnv();
  const skipTo = (instant: number) => ts.skipTo(instant);

  it('registers, appraises, assigns 36 + 178 tasks, and evaluates the year at its end', async () => {
    const { activities, cycles: published, tasks: taskPublished } = recordingActivities();
    const notifications = () => notificationsIn(published);
    const { worker, taskQueue } = await ts.startWorker(activities);
    const unitId = `hd-tu-${randomUUID().slice(0, 6)}`;
    const setup = cycleSetup(unitId, 'Việc đột phá năm 2027 (Kết luận 01-KL/TW)', DISTRICTS);
    const workflowId = `breakthrough/${unitId}/2027`;

    await worker.runUntil(async () => {
      const first = await ts.env.client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        args: [{ setup }],
        taskQueue,
        workflowId,
      });
      const { act, reached } = cycleClient(ts, workflowId);
      const register = (a: Actor, kind: 'UNIT' | 'HEAD', i: number) =>
        act('register', a, {
          kind,
          title: `Việc đột phá số ${i + 1}`,
          expectedResult: 'Hoàn thành dứt điểm trong năm',
          measure: 'Văn bản, số liệu kiểm chứng',
        });

      // 30 district committees register early; the 6 silent ones are reminded 3 and 1 working days before the deadline.
      await inBatches(DISTRICT_SECRETARIES.slice(0, 30), 10, (a, i) => register(a, 'UNIT', i));
      await skipTo(vn('2027-01-12T17:00:00'));
      await eventually(
        () => notifications().some((x) => x.params.step === 'REGISTRATION') && true,
        'the first registration reminder',
      );
      expect(
        notifications()
          .filter((x) => x.params.step === 'REGISTRATION')
          .map((x) => x.headOfUnitIds),
      ).toEqual([DISTRICTS.slice(30)]);
      await inBatches(DISTRICT_SECRETARIES.slice(30), 10, (a, i) => register(a, 'UNIT', 30 + i));
      await inBatches(HEADS, 20, (a, i) => register(a, 'HEAD', 36 + i));
      const refused = await refusalOf(register(person('hd-cv', 'hd-vp', Role.ADVISORY_STAFF), 'UNIT', 999));
      expect(refused).toBe('FORBIDDEN');

      // The window closes by itself at its deadline; the Standing Committee appraises.
      await skipTo(vn('2027-01-15T17:00:00'));
      const appraising = await reached(BreakthroughPhase.APPRAISAL);
      expect(appraising.state.registrations).toHaveLength(36 + 190);
      expect(notifications().filter((x) => x.params.step === 'REGISTRATION')).toHaveLength(1); // the 1-day reminder found nobody silent

      // Registrations were made in parallel: find each one's registrant by its number.
      const actors = new Map([...DISTRICT_SECRETARIES, ...HEADS].map((a) => [a.personId, a]));
      const owner = (no: number) => actors.get(appraising.state.registrations.find((r) => r.no === no)!.registrantId)!;
      const headNos = appraising.state.registrations.filter((r) => r.kind === 'HEAD').map((r) => r.no);
      const districtNos = appraising.state.registrations.filter((r) => r.kind === 'UNIT').map((r) => r.no);
      const revise = headNos.slice(0, 8);
      const reject = headNos.slice(8, 20);
      await inBatches(districtNos, 20, (no) => act('appraise', APPRAISER, { no, decision: 'APPROVE', comments: '' }));
      await inBatches(headNos.slice(20), 20, (no) =>
        act('appraise', APPRAISER, { no, decision: 'APPROVE', comments: '' }),
      );
      await inBatches(revise, 8, (no) =>
        act('appraise', APPRAISER, { no, decision: 'REVISE', comments: 'Đề nghị lượng hóa kết quả' }),
      );
      await inBatches(reject, 12, (no) =>
        act('appraise', APPRAISER, {
          no,
          decision: 'REJECT',
          comments: 'Là nhiệm vụ thường xuyên, không phải đột phá',
        }),
      );
      const closeTooEarly = await refusalOf(act('closeAppraisal', APPRAISER, {}));
      expect(closeTooEarly).toBe('WRONG_PHASE'); // 8 revisions are still awaited
      await inBatches(revise, 8, (no) =>
        act('revise', owner(no), {
          no,
          title: `Việc đột phá số ${no} (đã lượng hóa)`,
          expectedResult: 'Giảm 30% thời gian giải quyết thủ tục',
          measure: 'Số liệu hệ thống một cửa',
        }),
      );
      await inBatches(revise, 8, (no) => act('appraise', APPRAISER, { no, decision: 'APPROVE', comments: '' }));
      const implementing = await act('closeAppraisal', APPRAISER, {});
      expect(implementing.phase).toBe('IMPLEMENTATION');
      expect(implementing.counts).toEqual({ APPROVED: 36 + 178, REJECTED: 12 });

      // Every approved registration is a task workflow, due at the year's end, for the registrant.
      const started = await eventually(
        () => {
          const ids = new Set(taskPublished.map((p) => taskIdOf(p.workflowId)));
          return ids.size === 214 && ids;
        },
        '214 task workflows',
        60_000,
      );
      expect([...started].every((id) => id.startsWith(`bt/${unitId}/2027/`))).toBe(true);
      const setups = new Map<string, TaskSetup>();
      await inBatches([...started], 20, async (id) => setups.set(id, (await taskView(ts, id)).state.setup));
      expect(setups.get(`bt/${unitId}/2027/${headNos[20]}`)).toMatchObject({
        isBreakthrough: true,
        source: 'BREAKTHROUGH',
        programmeId: null,
        responsiblePersonId: owner(headNos[20]).personId,
        assignerId: APPRAISER.personId,
        issuingUnitId: unitId,
        dueAt: setup.yearEndsAt,
      });
      const headTasks = new Set(
        [...setups.values()].filter((t) => t.responsiblePersonId.startsWith('hd-head-')).map((t) => t.taskId),
      );
      expect(headTasks.size).toBe(178);

      // A task completing after the cycle continued as new would report to the latest run; the
      // time-skipping test server cannot skip time once an abandoned child of a closed run has
      // completed, so completions are counted in the domain unit test and the real-stack test.
      await skipTo(vn('2027-12-31T17:00:00'));
      const summary: BreakthroughSummary | null = await first.result();
      expect(summary).toEqual({
        registered: 226,
        approved: 214,
        rejected: 12,
        notAppraised: 0,
        doneOnTime: 0,
        doneLate: 0,
        notDone: 214,
        cancelled: 0,
        headline: '0/214 done on time',
        organisations: figures({ registered: 36, approved: 36, notDone: 36 }),
        individuals: figures({ registered: 190, approved: 178, rejected: 12, notDone: 178 }),
        byContentGroup: {},
      });
      expect(
        notifications()
          .filter((x) => x.kind === 'REVIEW_CLOSED')
          .map((x) => x.params.headline),
      ).toEqual(['0/214 done on time']);

      // Every run stayed under the history limit (about 450 updates and 214 child starts).
      const runs = (await runHistories(ts.env.client, workflowId, first.firstExecutionRunId)).map((r) => r.events);
      for (const events of runs) expect(events).toBeLessThan(MAX_EVENTS_PER_RUN);
    });
  }, 150_000);
});

/**
 * The cycle continues as new during the appraisal of 15/1 (its history passes 150 events there), so
 * the revised registration's task is started by the last run. The time-skipping test server cannot
 * skip time once an abandoned child of a closed run has completed: that task is the one completed.
 */
const CONTINUE_AS_NEW_AFTER = 150;

const [D1, D2, D3] = DISTRICT_SECRETARIES;
const [H1, H2, H3] = HEADS;

describe('breakthroughCycleWorkflow through appraisal (time-skipping test server, continue-as-new)', () => {
  const ts = useTimeSkippingEnv();
  const skipTo = (instant: number) => ts.skipTo(instant);

  it('reminds, closes registration at its deadline, appraises, starts tasks, counts a done one at the year end', async () => {
    const { activities, cycles: published, tasks: taskPublished } = recordingActivities();
    const notifications = (step?: string) =>
      notificationsIn(published).filter((n) => step === undefined || n.params.step === step);
    const { worker, taskQueue } = await ts.startWorker(activities);
    const unitId = `hd-tu-${randomUUID().slice(0, 6)}`;
    const setup = cycleSetup(unitId, 'Việc đột phá năm 2027', DISTRICTS.slice(0, 3));
    const workflowId = `breakthrough/${unitId}/2027`;

    await worker.runUntil(async () => {
      const first = await ts.env.client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        args: [{ setup, continueAsNewAfterEvents: CONTINUE_AS_NEW_AFTER }],
        taskQueue,
        workflowId,
      });
      const { act, view, reached } = cycleClient(ts, workflowId);
      const register = async (a: Actor, kind: 'UNIT' | 'HEAD') =>
        (
          await act('register', a, {
            kind,
            title: `Việc đột phá của ${a.unitId}`,
            expectedResult: 'Hoàn thành dứt điểm trong năm',
            measure: 'Văn bản kiểm chứng',
          })
        ).registration!.no;

      // Two of three districts and three heads register; the silent district is reminded.
      const [d1, d2, h1, h2, h3] = [
        await register(D1, 'UNIT'),
        await register(D2, 'UNIT'),
        await register(H1, 'HEAD'),
        await register(H2, 'HEAD'),
        await register(H3, 'HEAD'),
      ];
      await skipTo(vn('2027-01-12T17:00:00'));
      await eventually(() => notifications('REGISTRATION').length > 0, 'the registration reminder');
      expect(notifications('REGISTRATION').map((x) => x.headOfUnitIds)).toEqual([['hd-d03']]);
      const d3 = await register(D3, 'UNIT');

      // The window closes by itself; appraisal: approve, reject, ask a revision, leave one alone.
      await skipTo(vn('2027-01-15T17:00:00'));
      await reached(BreakthroughPhase.APPRAISAL);
      for (const no of [d1, d2, h1]) await act('appraise', APPRAISER, { no, decision: 'APPROVE', comments: '' });
      await act('appraise', APPRAISER, { no: d3, decision: 'REJECT', comments: 'Là nhiệm vụ thường xuyên' });
      await act('appraise', APPRAISER, { no: h2, decision: 'REVISE', comments: 'Đề nghị lượng hóa kết quả' });

      // Three working days before Friday 26/2 is Tuesday 23/2: the appraiser and the reviser are reminded.
      await skipTo(vn('2027-02-23T17:00:00'));
      const reminders = await eventually(() => {
        const r = notifications('APPRAISAL').filter((x) => x.params.deadline === setup.appraisalDeadline);
        return r.length >= 4 && r;
      }, 'the appraisal reminders');
      expect(reminders.map((x) => [x.recipientIds, x.params.what])).toEqual([
        [[APPRAISER.personId], 'appraise 6 registrations'], // when the window closed
        [[H2.personId], 'revise the registration: Đề nghị lượng hóa kết quả'], // when asked to
        [[APPRAISER.personId], 'appraise 1 registrations'],
        [[H2.personId], 'revise your registration'],
      ]);
      await act('revise', H2, {
        no: h2,
        title: 'Giảm 30% thời gian giải quyết thủ tục',
        expectedResult: 'Giảm 30% thời gian',
        measure: 'Số liệu hệ thống một cửa',
      });
      await act('appraise', APPRAISER, { no: h2, decision: 'APPROVE', comments: '' });
      // The third head's registration is still unappraised: only the deadline closes the appraisal.
      const closeEarly = await refusalOf(act('closeAppraisal', APPRAISER, {}));
      expect(closeEarly).toBe('WRONG_PHASE');
      await skipTo(vn('2027-02-26T17:00:00'));
      const implementing = await reached(BreakthroughPhase.IMPLEMENTATION);
      expect(implementing).toMatchObject({
        phase: 'IMPLEMENTATION',
        counts: { APPROVED: 4, REJECTED: 1, NOT_APPRAISED: 1 },
      });
      expect(implementing.state.registrations.find((r) => r.no === h3)?.status).toBe('NOT_APPRAISED');

      // One task workflow per approved registration; the revised one's is done and reported back.
      const taskIds = [d1, d2, h1, h2].map((no) => breakthroughTaskId(unitId, 2027, no));
      await eventually(
        () => taskIds.every((id) => taskPublished.some((p) => taskIdOf(p.workflowId) === id)),
        'four task workflows',
      );
      expect(new Set(taskPublished.map((p) => taskIdOf(p.workflowId)))).toEqual(new Set(taskIds));
      const task = ts.env.client.workflow.getHandle(`task/${taskIds[3]}`);
      const taskAct = (name: 'accept' | 'submitResult' | 'verify', actor: Actor, payload: object) =>
        task.executeUpdate(taskUpdates[name] as never, {
          args: [{ actor, requestId: `${taskIds[3]}-${name}`, payload }] as never,
        });
      await taskAct('accept', H2, {});
      await taskAct('submitResult', H2, { text: 'Đã hoàn thành' });
      await taskAct('verify', APPRAISER, {});
      await eventually(
        async () => (await view()).state.taskOutcomes[taskIds[3]]?.status === 'DONE',
        'the done task reported to the cycle',
      );

      await skipTo(vn('2027-12-31T17:00:00'));
      const summary = await ts.result<BreakthroughSummary | null>(workflowId);
      expect(summary).toEqual({
        registered: 6,
        approved: 4,
        rejected: 1,
        notAppraised: 1,
        doneOnTime: 1,
        doneLate: 0,
        notDone: 3,
        cancelled: 0,
        headline: '1/4 done on time',
        organisations: figures({ registered: 3, approved: 2, rejected: 1, notDone: 2 }),
        individuals: figures({ registered: 3, approved: 2, notAppraised: 1, doneOnTime: 1, notDone: 1 }),
        byContentGroup: {},
      });
      const keys = published.flatMap((p) => [...p.events, ...p.notifications].map((e) => e.key));
      expect(new Set(keys).size).toBe(keys.length);
      const runs = await runHistories(ts.env.client, workflowId, first.firstExecutionRunId);
      expect(runs.length).toBeGreaterThan(1);
      await recordHistories(ts.env.client, workflowId, 'breakthrough-appraisal-year.v1');
      await recordHistories(ts.env.client, `task/${taskIds[3]}`, 'task-breakthrough-done.v1');
    });
  }, 120_000);
});
