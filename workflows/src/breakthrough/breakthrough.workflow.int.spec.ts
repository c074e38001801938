/**
 * A year of breakthrough tasks on the time-skipping test server, with the numbers of Hải Dương in
 * 2022 (seed 003): 36 tasks chosen by the district committees, 178 assigned to heads after the
 * Standing Committee's appraisal; each approved registration becomes a task workflow (child); the
 * year-end evaluation counts what the tasks reported. The activities are recorders.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import {
  Actor,
  BreakthroughActionName,
  BreakthroughPayloads,
  BreakthroughSetup,
  BreakthroughSummary,
  Role,
} from '@app/domain';
import { calendarYearsBetween } from '@app/domain/calendar';
import { workflowBundleOptions } from '@app/temporal/workflow-bundle';
import { eventually } from '../../../test/utils/eventually';
import {
  createTimeSkippingEnv,
  installQuietRuntime,
  quietLogger,
  runHistories,
} from '../../../test/utils/time-skipping-env';
import type { PublishTaskChangesInput, TaskActivities } from '../task/activity-interfaces';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActivities,
  breakthroughUpdates,
  BreakthroughView,
  breakthroughViewQuery,
  PublishBreakthroughChangesInput,
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

/** Runs `fn` over items, `width` at a time (updates to one workflow, in parallel but bounded). */
async function inBatches<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)));
}

describe('breakthroughCycleWorkflow (time-skipping test server, seed 003 numbers)', () => {
  it('registers, appraises, assigns 36 + 178 tasks, and evaluates the year at its end', async () => {
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
    const notifications = () => published.flatMap((p) => p.notifications);
    const taskQueue = `breakthrough-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
    const unitId = `hd-tu-${randomUUID().slice(0, 6)}`;
    const setup: BreakthroughSetup = {
      unitId,
      year: 2027,
      title: 'Việc đột phá năm 2027 (Kết luận 01-KL/TW)',
      memberInChargeId: 'hd-pbt',
      fieldGroup: 'party-building',
      appraiserIds: [APPRAISER.personId],
      invitedUnitIds: DISTRICTS,
      registrationDeadline: iso(vn('2027-01-15T17:00:00')),
      appraisalDeadline: iso(vn('2027-02-26T17:00:00')),
      yearEndsAt: iso(vn('2027-12-31T17:00:00')),
      reminderOffsets: ['P3D', 'P1D'],
      taskReminderOffsets: ['P7D', 'P1D', 'P0D'],
      taskEscalationOffsets: ['P1D', 'P3D'],
      createdBy: APPRAISER.personId,
    };
    const workflowId = `breakthrough/${unitId}/2027`;

    await worker.runUntil(async () => {
      const first = await env.client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        args: [{ setup }],
        taskQueue,
        workflowId,
      });
      const handle: WorkflowHandle = env.client.workflow.getHandle(workflowId);
      let n = 0;
      const act = <N extends BreakthroughActionName>(name: N, actor: Actor, payload: BreakthroughPayloads[N]) =>
        handle.executeUpdate(breakthroughUpdates[name] as never, {
          args: [{ actor, requestId: `${workflowId}-${++n}`, payload }] as never,
        }) as Promise<BreakthroughView>;
      const view = () => handle.query(breakthroughViewQuery);
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
      const refused = await register(person('hd-cv', 'hd-vp', Role.ADVISORY_STAFF), 'UNIT', 999).then(
        () => 'accepted',
        (e) => e.cause?.type,
      );
      expect(refused).toBe('FORBIDDEN');

      // The window closes by itself at its deadline; the Standing Committee appraises.
      await skipTo(vn('2027-01-15T17:00:00'));
      const appraising = await eventually(async () => {
        const v = await view();
        return v.phase === 'APPRAISAL' && v;
      }, 'the APPRAISAL phase');
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
      const closeTooEarly = await act('closeAppraisal', APPRAISER, {}).then(
        () => 'accepted',
        (e) => e.cause?.type,
      );
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
          const ids = new Set(taskPublished.map((p) => p.state.setup.taskId));
          return ids.size === 214 && ids;
        },
        '214 task workflows',
        60_000,
      );
      expect([...started].every((id) => id.startsWith(`bt/${unitId}/2027/`))).toBe(true);
      const someTask = taskPublished.find((p) => p.state.setup.taskId === `bt/${unitId}/2027/${headNos[20]}`)!.state;
      expect(someTask.setup).toMatchObject({
        isBreakthrough: true,
        source: 'BREAKTHROUGH',
        programmeId: null,
        responsiblePersonId: owner(headNos[20]).personId,
        assignerId: APPRAISER.personId,
        issuingUnitId: unitId,
        dueAt: setup.yearEndsAt,
      });
      const headTasks = new Set(
        taskPublished
          .filter((p) => p.state.setup.responsiblePersonId.startsWith('hd-head-'))
          .map((p) => p.state.setup.taskId),
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
      });
      expect(
        notifications()
          .filter((x) => x.kind === 'REVIEW_CLOSED')
          .map((x) => x.params.headline),
      ).toEqual(['0/214 done on time']);

      // Every run stayed under the history limit (about 450 updates and 214 child starts).
      const runs = (await runHistories(env.client, workflowId, first.firstExecutionRunId)).map((r) => r.events);
      for (const events of runs) expect(events).toBeLessThan(MAX_EVENTS_PER_RUN);
    });
  }, 150_000);
});
