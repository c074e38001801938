/**
 * The task workflow on the time-skipping test server: reminders at working-day offsets before the
 * due date across Tết 2027, escalation to the unit head and then the member in charge, and an
 * extension (and a reassignment) moving every pending reminder. The activity is a recorder.
 */
import { randomUUID } from 'node:crypto';
import { Actor, Role, TaskActionName, TaskActionPayloads, TaskOutcome, TaskSetup } from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { notificationsIn, recordingActivities } from '../../../test/utils/time-skipping-env';
import { useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import { recordHistories } from '../../../test/utils/record-history';
import { CalendarYear, DEFAULT_CALENDAR_YEARS } from '@app/domain/calendar';
import type { TaskNotificationRequest } from './activity-interfaces';
import { TASK_WORKFLOW_TYPE, taskUpdates, TaskView, taskViewQuery, TaskWorkflowInput } from './definitions';

const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const SKHDT = person('hg-skhdt-gd', 'hg-skhdt', Role.HEAD, Role.KEY_CADRE);
const STC = person('hg-stc-gd', 'hg-stc', Role.HEAD, Role.KEY_CADRE);
const CV = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF);
const PBT = person('hg-pbt', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);

/** An instant given as Vietnam local time. */
const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();

const ts = useTimeSkippingEnv();

function setupFor(taskId: string, dueAt: number): TaskSetup {
  return {
    taskId,
    programmeId: 'hg-ctr-123',
    code: 'T1',
    title: 'Kế hoạch thu hút đầu tư năm 2027',
    source: 'PROGRAMME',
    responsibleUnitId: 'hg-skhdt',
    responsiblePersonId: SKHDT.personId,
    coordinatingUnitIds: [],
    assignerId: CV.personId,
    memberInChargeId: PBT.personId,
    fieldGroup: 'economy',
    issuingUnitId: 'hg-tu',
    isBreakthrough: false,
    dueAt: iso(dueAt),
    reminderOffsets: ['P7D', 'P1D', 'P0D'],
    escalationOffsets: ['P1D', 'P3D'],
  };
}

const skipTo = (instant: number) => ts.skipTo(instant);

/** When each notification was asked for, as Vietnam local time to the minute. */
const vnMinute = (n: TaskNotificationRequest) =>
  new Date(Date.parse(n.occurredAt) + 7 * 3600_000).toISOString().slice(0, 16);

async function startTask(dueAt: number, table: CalendarYear[] = [], reportToWorkflowId: string | null = null) {
  const { activities, tasks: published, calendarRequests } = recordingActivities(table);
  const notifications = (kind?: string) => notificationsIn(published, kind);
  const { worker, taskQueue } = await ts.startWorker(activities);
  const taskId = `hg-ctr-123/T-${randomUUID().slice(0, 8)}`;
  const input: TaskWorkflowInput = { setup: setupFor(taskId, dueAt), reportToWorkflowId };
  let n = 0;
  return {
    worker,
    notifications,
    published,
    calendarRequests,
    workflowId: `task/${taskId}`,
    run: (
      fn: (h: {
        act: <N extends TaskActionName>(name: N, actor: Actor, payload: TaskActionPayloads[N]) => Promise<TaskView>;
        view: () => Promise<TaskView>;
        result: () => Promise<TaskOutcome>;
      }) => Promise<void>,
    ) =>
      worker.runUntil(async () => {
        const handle = await ts.env.client.workflow.start(TASK_WORKFLOW_TYPE, {
          args: [input],
          taskQueue,
          workflowId: `task/${taskId}`,
        });
        await fn({
          act: (name, actor, payload) =>
            handle.executeUpdate(taskUpdates[name] as never, {
              args: [{ actor, requestId: `${taskId}-${++n}`, payload }] as never,
            }) as Promise<TaskView>,
          view: () => handle.query(taskViewQuery),
          result: () => ts.result(handle.workflowId),
        });
      }),
  };
}

describe('taskWorkflow (time-skipping test server)', () => {
  // The test server's clock is shared by the tests in this file and only moves forward: they run in date order.

  it('reminds at working-day offsets across Tết, then escalates to the unit head and the member in charge', async () => {
    // Due Friday 12/2/2027 at 17:00, the first working day after Tết Đinh Mùi (5/2–11/2 off, with substitute days).
    const t = await startTask(vn('2027-02-12T17:00:00'));
    await t.run(async ({ view }) => {
      await eventually(
        async () => (await view()).status === 'ASSIGNED' && t.notifications('TASK_ASSIGNED').length > 0,
        'the task to start',
      );
      expect(t.notifications('TASK_ASSIGNED')).toEqual([expect.objectContaining({ recipientIds: [SKHDT.personId] })]);
      await skipTo(vn('2027-02-19T09:00:00'));
      await eventually(() => t.notifications('TASK_OVERDUE_ESCALATION').length >= 2 && true, 'two escalations');
      // 1 working day before 12/2 is Thursday 4/2; 7 are 4/2, 3/2, 2/2, 1/2, 29/1, 28/1, 27/1 (Tết and weekends skipped).
      expect(t.notifications('TASK_DUE_REMINDER').map((n) => [vnMinute(n), n.recipientIds, n.params.level])).toEqual([
        ['2027-01-27T17:00', [SKHDT.personId], 1],
        ['2027-02-04T17:00', [SKHDT.personId], 2],
        ['2027-02-12T17:00', [SKHDT.personId], 3],
      ]);
      // 1 working day after the due date (Monday 15/2), then 3 more (16/2, 17/2, Thursday 18/2).
      expect(
        t
          .notifications('TASK_OVERDUE_ESCALATION')
          .map((n) => [vnMinute(n), n.recipientIds, n.headOfUnitIds, n.params.level]),
      ).toEqual([
        ['2027-02-15T17:00', [], ['hg-skhdt'], 1],
        ['2027-02-18T17:00', [PBT.personId], [], 2],
      ]);
      const v = await view();
      expect(v).toMatchObject({ status: 'ASSIGNED', overdue: true, upcoming: [] });
    });
    await recordHistories(ts.env.client, t.workflowId, 'task-tet-reminders-escalations.v1');
  }, 120_000);

  it('moves every pending reminder when an extension is approved, and sends them to the new person after a reassignment', async () => {
    // Due Tuesday 16/3/2027 at 17:00; the first reminder (7 working days before) is Friday 5/3.
    const t = await startTask(vn('2027-03-16T17:00:00'));
    await t.run(async ({ act, view, result }) => {
      await eventually(async () => (await view()).status === 'ASSIGNED', 'the task to start');
      await act('accept', SKHDT, {});
      await skipTo(vn('2027-03-06T09:00:00'));
      await eventually(() => t.notifications('TASK_DUE_REMINDER').length >= 1 && true, 'the first reminder');
      await act('requestExtension', SKHDT, { extendByWorkingDays: 5, reason: 'Chờ số liệu quý I' });
      const extended = await act('decideExtension', CV, { approve: true, reason: 'Đồng ý' });
      // 5 working days after Tuesday 16/3: 17, 18, 19, 22, 23/3.
      expect(extended.dueAt).toBe(iso(vn('2027-03-23T17:00:00')));
      expect(extended.upcoming.map((u) => [u.kind, u.level, u.at])).toEqual([
        ['REMINDER', 1, iso(vn('2027-03-12T17:00:00'))],
        ['REMINDER', 2, iso(vn('2027-03-22T17:00:00'))],
        ['REMINDER', 3, iso(vn('2027-03-23T17:00:00'))],
        ['ESCALATION', 1, iso(vn('2027-03-24T17:00:00'))],
        ['ESCALATION', 2, iso(vn('2027-03-29T17:00:00'))],
      ]);
      await act('reassign', PBT, { toPersonId: STC.personId, toUnitId: 'hg-stc', reason: 'Luân chuyển cán bộ' });
      await skipTo(vn('2027-03-30T09:00:00'));
      await eventually(
        () => t.notifications('TASK_OVERDUE_ESCALATION').length >= 2 && true,
        'two escalations after the new due date',
      );
      expect(t.notifications('TASK_DUE_REMINDER').map((n) => [vnMinute(n), n.recipientIds])).toEqual([
        ['2027-03-05T17:00', [SKHDT.personId]], // before the extension
        ['2027-03-12T17:00', [STC.personId]], // the old 15/3 and 16/3 reminders are gone; the new person is reminded
        ['2027-03-22T17:00', [STC.personId]],
        ['2027-03-23T17:00', [STC.personId]],
      ]);
      expect(t.notifications('TASK_OVERDUE_ESCALATION').map((n) => [vnMinute(n), n.headOfUnitIds])).toEqual([
        ['2027-03-24T17:00', ['hg-stc']],
        ['2027-03-29T17:00', []],
      ]);
      await act('accept', STC, {});
      await act('submitResult', STC, { text: 'Kế hoạch đã ban hành', evidenceRefs: ['15/KH-UBND'] });
      const done = await act('verify', PBT, {});
      expect(done.state).toMatchObject({ status: 'DONE', doneAt: expect.any(String) });
      // Finished while its worker runs: a last activity left on a stopped worker would hold the clock.
      expect(await result()).toMatchObject({ status: 'DONE', responsiblePersonId: STC.personId });
    });
  }, 120_000);
  it("uses the working-day table it loads when it starts: an admin's new holiday moves the reminders", async () => {
    // Due Wednesday 16/6/2027 at 17:00. The admin makes Tuesday 15/6 a holiday.
    const due = vn('2027-06-16T17:00:00');
    const shipped2027 = DEFAULT_CALENDAR_YEARS.find((y) => y.year === 2027)!;
    const edited: CalendarYear[] = [
      {
        ...shipped2027,
        holidays: [...shipped2027.holidays, { date: '2027-06-15', name: 'Ngày nghỉ thêm (thử nghiệm)' }],
      },
    ];
    const upcomingOf = (v: TaskView) => v.upcoming.map((u) => [u.kind, u.level, u.at]);

    const shipped = await startTask(due);
    let shippedUpcoming: unknown[] = [];
    await shipped.run(async ({ view }) => {
      // Published means the calendar is loaded: no activity is left pending when this worker stops.
      await eventually(() => shipped.notifications('TASK_ASSIGNED').length > 0, 'the task to start');
      shippedUpcoming = upcomingOf(await view());
    });
    // Its worker is gone: a workflow task left pending would stop the test server from skipping time.
    await ts.env.client.workflow.getHandle(shipped.workflowId).terminate('only compared');
    // 7 working days before Wednesday 16/6 are 15, 14, 11, 10, 9, 8, 7/6.
    expect(shippedUpcoming.slice(0, 2)).toEqual([
      ['REMINDER', 1, iso(vn('2027-06-07T17:00:00'))],
      ['REMINDER', 2, iso(vn('2027-06-15T17:00:00'))],
    ]);

    const t = await startTask(due, edited);
    await t.run(async ({ view }) => {
      await eventually(() => t.notifications('TASK_ASSIGNED').length > 0, 'the task to start');
      // With 15/6 off: 14, 11, 10, 9, 8, 7, 4/6; the day before the due date is Monday 14/6.
      expect(upcomingOf(await view())).toEqual([
        ['REMINDER', 1, iso(vn('2027-06-04T17:00:00'))],
        ['REMINDER', 2, iso(vn('2027-06-14T17:00:00'))],
        ['REMINDER', 3, iso(vn('2027-06-16T17:00:00'))],
        ['ESCALATION', 1, iso(vn('2027-06-17T17:00:00'))],
        ['ESCALATION', 2, iso(vn('2027-06-22T17:00:00'))],
      ]);
      // No time is skipped here: the schedule is what is compared.
    });
    // Its worker is gone: a workflow task left pending would stop the test server from skipping time.
    await ts.env.client.workflow.getHandle(t.workflowId).terminate('only compared');
    // Read once, when the task started, over the years its dates can fall in.
    expect(t.calendarRequests).toHaveLength(1);
    expect(t.calendarRequests[0].fromYear).toBeLessThanOrEqual(2027);
    expect(t.calendarRequests[0].toYear).toBeGreaterThanOrEqual(2028);
  }, 120_000);

  it('extends the due date, pauses reminders while a result awaits review, and finishes after a return and a resubmission', async () => {
    // Due Friday 15/10/2027 at 17:00; 7 working days before it is Wednesday 6/10. The parent it reports
    // to does not exist (a closed programme): the task still finishes, and says so to nobody.
    const t = await startTask(vn('2027-10-15T17:00:00'), [], `programme/closed-${randomUUID().slice(0, 8)}`);
    await t.run(async ({ act, view, result }) => {
      await eventually(async () => (await view()).status === 'ASSIGNED', 'the task to start');
      await act('accept', SKHDT, {});
      const reported = await act('reportProgress', SKHDT, { percent: 40, text: 'Đã xây dựng dự thảo kế hoạch' });
      expect(reported).toMatchObject({ status: 'IN_PROGRESS', state: { progressPercent: 40 } });
      await skipTo(vn('2027-10-07T09:00:00'));
      await eventually(() => t.notifications('TASK_DUE_REMINDER').length >= 1 && true, 'the first reminder');

      // 3 working days after Friday 15/10: 18, 19, 20/10.
      await act('requestExtension', SKHDT, { extendByWorkingDays: 3, reason: 'Chờ ý kiến các sở' });
      const extended = await act('decideExtension', CV, { approve: true, reason: 'Đồng ý gia hạn' });
      expect(extended.dueAt).toBe(iso(vn('2027-10-20T17:00:00')));
      expect(extended.upcoming.map((u) => [u.kind, u.level, u.at]).slice(0, 3)).toEqual([
        ['REMINDER', 1, iso(vn('2027-10-11T17:00:00'))],
        ['REMINDER', 2, iso(vn('2027-10-19T17:00:00'))],
        ['REMINDER', 3, iso(vn('2027-10-20T17:00:00'))],
      ]);

      // A submitted result waits for review without reminders; returned, the task is reminded again.
      const submitted = await act('submitResult', SKHDT, { text: 'Dự thảo kế hoạch', evidenceRefs: ['DT-01'] });
      expect(submitted).toMatchObject({ status: 'SUBMITTED', upcoming: [] });
      const returned = await act('returnTask', CV, { reasons: 'Bổ sung lộ trình và kinh phí' });
      expect(returned.status).toBe('RETURNED');
      expect(returned.upcoming.map((u) => u.at)[0]).toBe(iso(vn('2027-10-11T17:00:00')));
      await skipTo(vn('2027-10-12T09:00:00'));
      await eventually(() => t.notifications('TASK_DUE_REMINDER').length >= 2 && true, 'the reminder after the return');
      await act('submitResult', SKHDT, {
        text: 'Kế hoạch đã bổ sung lộ trình, kinh phí',
        evidenceRefs: ['45/KH-UBND'],
      });
      const done = await act('verify', PBT, {});
      expect(done.state).toMatchObject({
        status: 'DONE',
        returns: [expect.objectContaining({ by: CV.personId, reasons: 'Bổ sung lộ trình và kinh phí' })],
      });
      expect(done.state.submissions).toHaveLength(2);
      expect(await result()).toMatchObject({ status: 'DONE', dueAt: iso(vn('2027-10-20T17:00:00')) });
    });

    expect(t.notifications('TASK_DUE_REMINDER').map((n) => [vnMinute(n), n.recipientIds, n.params.level])).toEqual([
      ['2027-10-06T17:00', [SKHDT.personId], 1], // before the extension
      ['2027-10-11T17:00', [SKHDT.personId], 1], // the new first reminder, after the return
    ]);
    expect(t.notifications('EXTENSION_REQUESTED').map((n) => n.recipientIds)).toEqual([[CV.personId]]);
    expect(t.notifications('EXTENSION_DECIDED').map((n) => [n.recipientIds, n.params.approve])).toEqual([
      [[SKHDT.personId], 'yes'],
    ]);
    expect(t.notifications('TASK_RETURNED').map((n) => [n.recipientIds, n.params.reasons])).toEqual([
      [[SKHDT.personId], 'Bổ sung lộ trình và kinh phí'],
    ]);
    const trail = t.published.flatMap((p) => p.events.map((e) => e.action));
    expect(trail.join(' → ')).toBe(
      'assigned → accept → reportProgress → requestExtension → decideExtension → submitResult → returnTask → submitResult → verify',
    );
    await recordHistories(ts.env.client, t.workflowId, 'task-extension-return.v1');
  }, 120_000);
});
