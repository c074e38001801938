/**
 * The cascade obligation workflow on the time-skipping test server: reminders to the obliged body at
 * working-day offsets before its deadline (across Tết 2027), escalation to the member in charge and then
 * the Standing Committee after it, and nothing more once the body has issued. The activities record.
 */
import { randomUUID } from 'node:crypto';
import type { CascadeSetup, CascadeState } from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { recordHistories } from '../../../test/utils/record-history';
import { notificationsIn, recordingActivities } from '../../../test/utils/time-skipping-env';
import { useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import {
  CASCADE_WORKFLOW_TYPE,
  CascadeNotificationRequest,
  CascadeView,
  cascadeViewQuery,
  cascadeWorkflowId,
  PublishCascadeChangesInput,
  recordIssuanceUpdate,
  withdrawObligationUpdate,
} from './definitions';

/** An instant given as Vietnam local time. */
const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();
/** When a notification was asked for, as Vietnam local time to the minute. */
const vnMinute = (n: CascadeNotificationRequest) =>
  new Date(Date.parse(n.occurredAt) + 7 * 3600_000).toISOString().slice(0, 16);

const ts = useTimeSkippingEnv();

async function startObligation(dueOn: string) {
  const recorded = recordingActivities();
  const published: PublishCascadeChangesInput[] = [];
  const activities = {
    ...recorded.activities,
    async publishCascadeChanges(input: PublishCascadeChangesInput) {
      published.push(input);
    },
  };
  const { worker, taskQueue } = await ts.startWorker(activities);
  const obligationId = `hg-10-nq-tu/xa-${randomUUID().slice(0, 8)}`;
  const setup: CascadeSetup = {
    obligationId,
    resolutionId: 'hg-10-nq-tu',
    resolutionNumber: '10-NQ/TU',
    resolutionTitle: 'Về chuyển đổi số trong hệ thống chính trị',
    unitId: 'hg-vithanh',
    unitName: 'Thành ủy Vị Thanh',
    issuerCommitteeId: 'hg-tu',
    memberInChargeId: 'hg-pbt',
    dueOn,
    dueAt: iso(vn(`${dueOn}T17:00:00`)),
    createdAt: iso(await ts.env.currentTimeMs()),
    createdBy: 'hg-cv1',
    reminderOffsets: ['P10D', 'P3D'],
    escalationOffsets: ['P1D', 'P5D'],
  };
  const workflowId = cascadeWorkflowId(obligationId);
  return {
    workflowId,
    notifications: (kind?: string) => notificationsIn(published, kind),
    run: (fn: (h: { view: () => Promise<CascadeView>; handle: { workflowId: string } }) => Promise<void>) =>
      worker.runUntil(async () => {
        const handle = await ts.env.client.workflow.start(CASCADE_WORKFLOW_TYPE, {
          args: [{ setup }],
          taskQueue,
          workflowId,
        });
        await fn({ view: () => handle.query(cascadeViewQuery), handle });
      }),
  };
}

describe('cascadeObligationWorkflow (time-skipping test server)', () => {
  // The server's clock is shared by the tests of this file and only moves forward: they run in date order.

  it('reminds the obliged body before its deadline across Tết, then escalates to the member in charge and the Standing Committee', async () => {
    // Due Friday 12/2/2027, the first working day after Tết Đinh Mùi.
    const o = await startObligation('2027-02-12');
    await o.run(async ({ view, handle }) => {
      await eventually(() => o.notifications('CASCADE_OBLIGATION').length === 1, 'the obliged body told');
      expect(o.notifications('CASCADE_OBLIGATION')[0]).toMatchObject({
        headOfUnitIds: ['hg-vithanh'],
        roleIn: { role: 'ADVISORY_STAFF', unitIds: ['hg-vithanh'] },
      });
      await ts.skipTo(vn('2027-02-23T09:00:00'));
      await eventually(() => o.notifications('CASCADE_ESCALATION').length >= 2, 'two escalations');
      // 10 working days before 12/2 is Friday 22/1, 3 are Tuesday 2/2 (Tết 5/2–11/2 and weekends skipped).
      expect(
        o.notifications('CASCADE_REMINDER').map((n) => [vnMinute(n), n.headOfUnitIds, n.roleIn?.role, n.params.level]),
      ).toEqual([
        ['2027-01-22T17:00', ['hg-vithanh'], 'ADVISORY_STAFF', 1],
        ['2027-02-02T17:00', ['hg-vithanh'], 'ADVISORY_STAFF', 2],
      ]);
      // 1 working day after the deadline (Monday 15/2) to the member in charge; 5 more (Monday 22/2) to the Standing Committee.
      expect(
        o
          .notifications('CASCADE_ESCALATION')
          .map((n) => [vnMinute(n), n.recipientIds, n.roleIn?.role ?? null, n.params.level]),
      ).toEqual([
        ['2027-02-15T17:00', ['hg-pbt'], null, 1],
        ['2027-02-22T17:00', ['hg-pbt'], 'STANDING_COMMITTEE', 2],
      ]);
      expect(await view()).toMatchObject({ status: 'OPEN', upcoming: [] });
      const withdrawn = await ts.env.client.workflow
        .getHandle(handle.workflowId)
        .executeUpdate(withdrawObligationUpdate, {
          args: [{ requestId: 'withdraw-1', actorId: 'hg-cv1', reason: 'Đơn vị sáp nhập' }],
        });
      expect(withdrawn.status).toBe('WITHDRAWN');
      const result = await ts.result<CascadeView>(handle.workflowId);
      expect(result.state.withdrawal).toMatchObject({ by: 'hg-cv1', reason: 'Đơn vị sáp nhập' });
    });
  }, 120_000);

  it('sends nothing more once the body has issued, and ends fulfilled', async () => {
    // Due Tuesday 16/3/2027; reminders Tuesday 2/3 (10 working days before) and Thursday 11/3 (3 before).
    const o = await startObligation('2027-03-16');
    await o.run(async ({ handle }) => {
      await eventually(() => o.notifications('CASCADE_OBLIGATION').length === 1, 'the obliged body told');
      await ts.skipTo(vn('2027-03-03T09:00:00'));
      await eventually(() => o.notifications('CASCADE_REMINDER').length === 1, 'the first reminder');
      const client = ts.env.client.workflow.getHandle(handle.workflowId);
      const issuance = { requestId: 'issued-vithanh-ctr-10', programmeId: 'vithanh-ctr-10', issuedOn: '2027-03-03' };
      const fulfilled = await client.executeUpdate(recordIssuanceUpdate, { args: [issuance] });
      expect([fulfilled.status, fulfilled.upcoming]).toEqual(['FULFILLED', []]);
      const result = await ts.result<CascadeView>(handle.workflowId);
      expect(result.state).toMatchObject<Partial<CascadeState>>({ status: 'FULFILLED', remindersSent: 1 });
      await ts.skipTo(vn('2027-04-01T09:00:00'));
      expect(o.notifications('CASCADE_REMINDER')).toHaveLength(1);
      expect(o.notifications('CASCADE_ESCALATION')).toHaveLength(0);
    });
    await recordHistories(ts.env.client, o.workflowId, 'cascade-obligation-fulfilled.v1');
  }, 120_000);
});
