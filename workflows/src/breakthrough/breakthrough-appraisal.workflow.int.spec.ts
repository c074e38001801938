/**
 * A small breakthrough cycle on the time-skipping test server, continuing as new along the way:
 * reminders before both deadlines, both windows closed by their timers, an appraisal with
 * a revision, a rejection and a registration never appraised, task workflows for the approved ones,
 * one of them done and reported back, and the year-end evaluation. The activities are recorders.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import {
  Actor,
  BreakthroughActionName,
  BreakthroughPayloads,
  BreakthroughSetup,
  breakthroughTaskId,
  Role,
} from '@app/domain';
import { calendarYearsBetween } from '@app/domain/calendar';
import { workflowBundleOptions } from '@app/temporal/workflow-bundle';
import { eventually } from '../../../test/utils/eventually';
import { recordHistories } from '../../../test/utils/record-history';
import {
  createTimeSkippingEnv,
  installQuietRuntime,
  quietLogger,
  runHistories,
} from '../../../test/utils/time-skipping-env';
import type { PublishTaskChangesInput, TaskActivities } from '../task/activity-interfaces';
import { taskUpdates } from '../task/definitions';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActivities,
  breakthroughUpdates,
  BreakthroughActionResult,
  breakthroughViewQuery,
  PublishBreakthroughChangesInput,
} from './definitions';

const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });

const DISTRICTS = ['hd-d01', 'hd-d02', 'hd-d03'];
const [D1, D2, D3] = DISTRICTS.map((u) => person(`${u}-bt`, u, Role.HEAD, Role.KEY_CADRE));
const [H1, H2, H3] = ['001', '002', '003'].map((n) => person(`hd-head-${n}`, `hd-dept-${n}`, Role.HEAD));
const APPRAISER = person('hd-btv-1', 'hd-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);
/**
 * The cycle continues as new during the appraisal of 15/1 (its history passes 150 events there), so
 * the revised registration's task is started by the last run. The time-skipping test server cannot
 * skip time once an abandoned child of a closed run has completed: that task is the one completed.
 */
const CONTINUE_AS_NEW_AFTER = 150;

let env: TestWorkflowEnvironment;
let workflowBundle: { code: string };

beforeAll(async () => {
  installQuietRuntime();
  [env, workflowBundle] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger() }),
  ]);
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

async function skipTo(instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant + 60_000 > now) await env.sleep(instant + 60_000 - now);
}

describe('breakthroughCycleWorkflow through appraisal (time-skipping test server, continue-as-new)', () => {
  it('reminds, closes registration at its deadline, appraises, starts tasks, counts a done one at the year end', async () => {
    const published: PublishBreakthroughChangesInput[] = [];
    const taskPublished: PublishTaskChangesInput[] = [];
    const activities: BreakthroughActivities & TaskActivities = {
      async publishBreakthroughChanges(input) {
        published.push(input);
      },
      async publishTaskChanges(input) {
        taskPublished.push(input);
      },
      loadWorkingCalendar: async ({ fromYear, toYear }) => calendarYearsBetween([], fromYear, toYear),
    };
    const notifications = (step?: string) =>
      published.flatMap((p) => p.notifications).filter((n) => step === undefined || n.params.step === step);
    const taskQueue = `breakthrough-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
    const unitId = `hd-tu-${randomUUID().slice(0, 6)}`;
    const setup: BreakthroughSetup = {
      unitId,
      year: 2027,
      title: 'Việc đột phá năm 2027',
      memberInChargeId: 'hd-pbt',
      fieldGroup: 'party-building',
      appraiserIds: [APPRAISER.personId],
      invitedUnitIds: DISTRICTS,
      registrationDeadline: iso(vn('2027-01-15T17:00:00')),
      appraisalDeadline: iso(vn('2027-02-26T17:00:00')),
      yearEndsAt: iso(vn('2027-12-31T17:00:00')),
      reminderOffsets: ['P3D', 'P1D'],
      taskReminderOffsets: ['P7D'],
      taskEscalationOffsets: ['P1D'],
      createdBy: APPRAISER.personId,
    };
    const workflowId = `breakthrough/${unitId}/2027`;

    await worker.runUntil(async () => {
      const first = await env.client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        args: [{ setup, continueAsNewAfterEvents: CONTINUE_AS_NEW_AFTER }],
        taskQueue,
        workflowId,
      });
      const handle = env.client.workflow.getHandle(workflowId);
      let n = 0;
      const act = <N extends BreakthroughActionName>(name: N, actor: Actor, payload: BreakthroughPayloads[N]) =>
        handle.executeUpdate(breakthroughUpdates[name] as never, {
          args: [{ actor, requestId: `${workflowId}-${++n}`, payload }] as never,
        }) as Promise<BreakthroughActionResult>;
      const view = () => handle.query(breakthroughViewQuery);
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
      await eventually(async () => (await view()).phase === 'APPRAISAL', 'the APPRAISAL phase');
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
      const closeEarly = await act('closeAppraisal', APPRAISER, {}).then(
        () => 'accepted',
        (e) => e.cause?.type,
      );
      expect(closeEarly).toBe('WRONG_PHASE');
      await skipTo(vn('2027-02-26T17:00:00'));
      const implementing = await eventually(async () => {
        const v = await view();
        return v.phase === 'IMPLEMENTATION' && v;
      }, 'the IMPLEMENTATION phase');
      expect(implementing).toMatchObject({
        phase: 'IMPLEMENTATION',
        counts: { APPROVED: 4, REJECTED: 1, NOT_APPRAISED: 1 },
      });
      expect(implementing.state.registrations.find((r) => r.no === h3)?.status).toBe('NOT_APPRAISED');

      // One task workflow per approved registration; the revised one's is done and reported back.
      const taskIds = [d1, d2, h1, h2].map((no) => breakthroughTaskId(unitId, 2027, no));
      await eventually(
        () => taskIds.every((id) => taskPublished.some((p) => p.state.setup.taskId === id)),
        'four task workflows',
      );
      expect(new Set(taskPublished.map((p) => p.state.setup.taskId))).toEqual(new Set(taskIds));
      const task = env.client.workflow.getHandle(`task/${taskIds[3]}`);
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
      // Not the test client's result(): it lets the server skip time while it waits.
      const summary = await new Client({ connection: env.connection }).workflow.getHandle(workflowId).result();
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
      });
      const keys = published.flatMap((p) => [...p.events, ...p.notifications].map((e) => e.key));
      expect(new Set(keys).size).toBe(keys.length);
      const runs = await runHistories(env.client, workflowId, first.firstExecutionRunId);
      expect(runs.length).toBeGreaterThan(1);
      await recordHistories(env.client, workflowId, 'breakthrough-appraisal-year.v1');
      await recordHistories(env.client, `task/${taskIds[3]}`, 'task-breakthrough-done.v1');
    });
  }, 120_000);
});
