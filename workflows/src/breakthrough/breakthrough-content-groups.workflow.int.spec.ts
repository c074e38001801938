/**
 * A district cycle as the Tứ Kỳ report describes it (seed 003), on the time-skipping test server:
 * two content groups, organisations (grassroots organisations registering through their heads) and
 * individuals (heads registering personally) counted apart; the cycle is opened under the province's
 * (`parentCycleId`), its own Standing Committee appraises; two of the four tasks are finished before
 * the year ends, and the year-end evaluation is checked figure by figure.
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
} from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { recordHistories } from '../../../test/utils/record-history';
import { recordingActivities } from '../../../test/utils/time-skipping-env';
import { useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import { taskUpdates } from '../task/definitions';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActionResult,
  breakthroughUpdates,
  breakthroughViewQuery,
} from './definitions';

const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });

const APPRAISER = person('tk-btv-1', 'tk-btv', Role.STANDING_COMMITTEE);
const ORG1 = person('tk-cs1-bt', 'tk-cs1', Role.HEAD);
const ORG2 = person('tk-cs2-bt', 'tk-cs2', Role.HEAD);
const HEAD1 = person('tk-btg-tb', 'tk-btg', Role.HEAD);
const HEAD2 = person('tk-mttq-ct', 'tk-mttq', Role.HEAD);
const GROUPS = [
  { code: 'HAN-CHE', title: 'Khắc phục hạn chế, yếu kém của năm trước' },
  { code: 'DOI-MOI', title: 'Việc đột phá, đổi mới, sáng tạo, cấp bách trong năm' },
];

const figures = (f: Partial<BreakthroughFigures>): BreakthroughFigures => ({ ...emptyFigures(), ...f });

describe('a district cycle with content groups under the province (time-skipping test server)', () => {
  const ts = useTimeSkippingEnv();

  it('counts organisations and individuals apart and by content group at the year end, with two tasks finished', async () => {
    const { activities } = recordingActivities();
    const { worker, taskQueue } = await ts.startWorker(activities);
    const unitId = `tk-hu-${randomUUID().slice(0, 6)}`;
    const setup: BreakthroughSetup = {
      unitId,
      year: 2027,
      title: 'Việc đột phá năm 2027 của Huyện ủy',
      memberInChargeId: null,
      fieldGroup: null,
      appraiserIds: [APPRAISER.personId],
      invitedUnitIds: ['tk-cs1', 'tk-cs2', 'tk-btg', 'tk-mttq'],
      registrationDeadline: iso(vn('2027-01-22T17:00:00')),
      appraisalDeadline: iso(vn('2027-03-05T17:00:00')),
      yearEndsAt: iso(vn('2027-12-31T17:00:00')),
      reminderOffsets: ['P1D'],
      taskReminderOffsets: ['P1D'],
      taskEscalationOffsets: ['P1D'],
      createdBy: APPRAISER.personId,
      contentGroups: GROUPS,
      parentCycleId: 'hd-tu/2027',
    };
    const workflowId = `breakthrough/${unitId}/2027`;

    await worker.runUntil(async () => {
      const handle = await ts.env.client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        args: [{ setup }],
        taskQueue,
        workflowId,
      });
      let n = 0;
      const act = <N extends BreakthroughActionName>(name: N, actor: Actor, payload: BreakthroughPayloads[N]) =>
        handle.executeUpdate(breakthroughUpdates[name] as never, {
          args: [{ actor, requestId: `${workflowId}-${++n}`, payload }] as never,
        }) as Promise<BreakthroughActionResult>;
      const register = async (a: Actor, kind: 'UNIT' | 'HEAD', contentGroup: string) =>
        (
          await act('register', a, {
            kind,
            title: `Việc đột phá của ${a.unitId}`,
            expectedResult: 'Hoàn thành dứt điểm trong năm',
            measure: 'Kết quả kiểm chứng được',
            contentGroup,
          })
        ).registration!.no;

      const noGroup = await act('register', ORG1, { kind: 'UNIT', title: 'x', expectedResult: 'x', measure: 'x' }).then(
        () => 'accepted',
        (e) => e.cause?.type,
      );
      expect(noGroup).toBe('INVALID');
      const o1 = await register(ORG1, 'UNIT', 'HAN-CHE');
      const o2 = await register(ORG2, 'UNIT', 'DOI-MOI');
      const o3 = await register(ORG2, 'UNIT', 'DOI-MOI');
      const h1 = await register(HEAD1, 'HEAD', 'DOI-MOI');
      const h2 = await register(HEAD2, 'HEAD', 'HAN-CHE');
      await act('closeRegistration', APPRAISER, {});
      for (const no of [o1, o2, h1, h2]) await act('appraise', APPRAISER, { no, decision: 'APPROVE', comments: '' });
      await act('appraise', APPRAISER, { no: o3, decision: 'REJECT', comments: 'Là nhiệm vụ thường xuyên' });
      expect((await act('closeAppraisal', APPRAISER, {})).phase).toBe(BreakthroughPhase.IMPLEMENTATION);

      // The first organisation's and the first individual's tasks are finished in the autumn.
      await ts.skipTo(vn('2027-10-01T09:00:00'));
      for (const [no, by] of [
        [o1, ORG1],
        [h1, HEAD1],
      ] as const) {
        const taskId = breakthroughTaskId(unitId, 2027, no);
        const task = ts.env.client.workflow.getHandle(`task/${taskId}`);
        await eventually(async () => (await task.describe()) && true, `the task ${taskId}`);
        const taskAct = (name: 'accept' | 'submitResult' | 'verify', actor: Actor, payload: object) =>
          task.executeUpdate(taskUpdates[name] as never, {
            args: [{ actor, requestId: `${taskId}-${name}`, payload }] as never,
          });
        await taskAct('accept', by, {});
        await taskAct('submitResult', by, { text: 'Đã hoàn thành, có số liệu kiểm chứng' });
        await taskAct('verify', APPRAISER, {});
      }
      await eventually(async () => {
        const v = await handle.query(breakthroughViewQuery);
        return Object.values(v.state.taskOutcomes).filter((o) => o.status === 'DONE').length === 2;
      }, 'both finished tasks reported to the cycle');

      await ts.skipTo(vn('2027-12-31T17:00:00'));
      const summary = await ts.result<BreakthroughSummary | null>(workflowId);
      expect(summary).toEqual({
        ...figures({ registered: 5, approved: 4, rejected: 1, doneOnTime: 2, notDone: 2 }),
        headline: '2/4 done on time',
        organisations: figures({ registered: 3, approved: 2, rejected: 1, doneOnTime: 1, notDone: 1 }),
        individuals: figures({ registered: 2, approved: 2, doneOnTime: 1, notDone: 1 }),
        byContentGroup: {
          'HAN-CHE': figures({ registered: 2, approved: 2, doneOnTime: 1, notDone: 1 }),
          'DOI-MOI': figures({ registered: 3, approved: 2, rejected: 1, doneOnTime: 1, notDone: 1 }),
        },
      });
      const v = await handle.query(breakthroughViewQuery);
      expect(v.state.registrations.map((r) => [r.no, r.kind, r.contentGroup, r.result])).toEqual([
        [o1, 'UNIT', 'HAN-CHE', 'DONE_ON_TIME'],
        [o2, 'UNIT', 'DOI-MOI', 'NOT_DONE'],
        [o3, 'UNIT', 'DOI-MOI', null],
        [h1, 'HEAD', 'DOI-MOI', 'DONE_ON_TIME'],
        [h2, 'HEAD', 'HAN-CHE', 'NOT_DONE'],
      ]);
      await recordHistories(ts.env.client, workflowId, 'breakthrough-content-groups.v2');
    });
  }, 120_000);
});
