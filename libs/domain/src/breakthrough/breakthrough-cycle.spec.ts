import { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { applyBreakthroughAction, BreakthroughAction, validateBreakthroughAction } from './breakthrough-cycle';
import { breakthroughReminder, evaluateAtYearEnd, recordBreakthroughOutcome } from './breakthrough-deadlines';
import {
  BreakthroughSetup,
  BreakthroughState,
  initialBreakthroughState,
  validateBreakthroughSetup,
} from './breakthrough-state';

const HEAD = (i: number): Actor => ({ personId: `head-${i}`, unitId: `unit-${i}`, roles: [Role.HEAD] });
const BTV: Actor = { personId: 'btv-1', unitId: 'hd-btv', roles: [Role.STANDING_COMMITTEE] };
const NOW = new Date('2027-01-05T02:00:00Z');

const setup: BreakthroughSetup = {
  unitId: 'hd-tu',
  year: 2027,
  title: 'Việc đột phá 2027',
  memberInChargeId: 'hd-pbt',
  fieldGroup: null,
  appraiserIds: [BTV.personId],
  invitedUnitIds: ['unit-1', 'unit-2', 'unit-3'],
  registrationDeadline: '2027-01-15T10:00:00.000Z',
  appraisalDeadline: '2027-02-26T10:00:00.000Z',
  yearEndsAt: '2027-12-31T10:00:00.000Z',
  reminderOffsets: ['P3D'],
  taskReminderOffsets: ['P7D'],
  taskEscalationOffsets: ['P1D'],
  createdBy: BTV.personId,
};

let n = 0;
function act(s: BreakthroughState, actor: Actor, action: BreakthroughAction) {
  const refusal = validateBreakthroughAction(s, actor, action);
  if (refusal) throw new Error(`${refusal.kind}: ${refusal.reason}`);
  return applyBreakthroughAction(s, actor, action, NOW, `r-${++n}`);
}
const reg = (i: number): BreakthroughAction => ({
  name: 'register',
  payload: { kind: 'UNIT', title: `Việc ${i}`, expectedResult: 'Xong trong năm', measure: 'Báo cáo' },
});

describe('breakthrough cycle', () => {
  it('checks its setup', () => {
    expect(validateBreakthroughSetup(setup, NOW)).toEqual([]);
    expect(
      validateBreakthroughSetup({ ...setup, appraisalDeadline: setup.registrationDeadline, appraiserIds: [] }, NOW),
    ).toHaveLength(2);
  });

  it('registers, reminds the silent units, appraises (approve, revise, reject) and evaluates from task outcomes at the year end', () => {
    const s = initialBreakthroughState(setup);
    act(s, HEAD(1), reg(1));
    act(s, HEAD(2), reg(2));
    act(s, HEAD(3), reg(3));
    expect(
      validateBreakthroughAction(s, { personId: 'cv', unitId: 'vp', roles: [Role.ADVISORY_STAFF] }, reg(9))?.kind,
    ).toBe('FORBIDDEN');
    expect(breakthroughReminder(initialBreakthroughState(setup), 'REGISTRATION')[0]).toMatchObject({
      headOfUnitIds: ['unit-1', 'unit-2', 'unit-3'],
    });
    expect(breakthroughReminder(s, 'REGISTRATION')).toEqual([]);
    expect(
      validateBreakthroughAction(s, BTV, { name: 'appraise', payload: { no: 1, decision: 'APPROVE', comments: '' } })
        ?.kind,
    ).toBe('WRONG_PHASE');
    act(s, BTV, { name: 'closeRegistration', payload: {} });
    expect(
      validateBreakthroughAction(s, HEAD(1), {
        name: 'appraise',
        payload: { no: 1, decision: 'APPROVE', comments: '' },
      })?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateBreakthroughAction(s, BTV, { name: 'appraise', payload: { no: 9, decision: 'APPROVE', comments: '' } })
        ?.kind,
    ).toBe('NOT_FOUND');
    expect(
      validateBreakthroughAction(s, BTV, { name: 'appraise', payload: { no: 2, decision: 'REJECT', comments: '' } })
        ?.kind,
    ).toBe('INVALID');
    const approved = act(s, BTV, { name: 'appraise', payload: { no: 1, decision: 'APPROVE', comments: '' } });
    expect(approved.tasks).toEqual([
      expect.objectContaining({
        taskId: 'bt/hd-tu/2027/1',
        isBreakthrough: true,
        responsiblePersonId: 'head-1',
        assignerId: 'btv-1',
        dueAt: setup.yearEndsAt,
        source: 'BREAKTHROUGH',
      }),
    ]);
    act(s, BTV, { name: 'appraise', payload: { no: 2, decision: 'REVISE', comments: 'Lượng hóa kết quả' } });
    act(s, BTV, { name: 'appraise', payload: { no: 3, decision: 'REJECT', comments: 'Việc thường xuyên' } });
    expect(validateBreakthroughAction(s, BTV, { name: 'closeAppraisal', payload: {} })?.reason).toMatch(
      /1 registrations are still waiting/,
    );
    expect(
      validateBreakthroughAction(s, HEAD(1), {
        name: 'revise',
        payload: { no: 2, title: 'x', expectedResult: 'x', measure: 'x' },
      })?.kind,
    ).toBe('FORBIDDEN');
    act(s, HEAD(2), {
      name: 'revise',
      payload: { no: 2, title: 'Việc 2 (lượng hóa)', expectedResult: 'Giảm 30%', measure: 'Số liệu' },
    });
    act(s, BTV, { name: 'appraise', payload: { no: 2, decision: 'APPROVE', comments: '' } });
    act(s, BTV, { name: 'closeAppraisal', payload: {} });
    expect(s.phase).toBe('IMPLEMENTATION');

    recordBreakthroughOutcome(s, {
      taskId: 'bt/hd-tu/2027/1',
      code: 'BT-1',
      status: 'DONE' as never,
      responsibleUnitId: 'unit-1',
      responsiblePersonId: 'head-1',
      dueAt: setup.yearEndsAt,
      doneAt: '2027-06-30T10:00:00.000Z',
    });
    const effects = evaluateAtYearEnd(s);
    expect(s.summary).toEqual({
      registered: 3,
      approved: 2,
      rejected: 1,
      notAppraised: 0,
      doneOnTime: 1,
      doneLate: 0,
      notDone: 1,
      cancelled: 0,
      headline: '1/2 done on time',
      // All three registered by units: organisations; no content groups in this cycle.
      organisations: {
        registered: 3,
        approved: 2,
        rejected: 1,
        notAppraised: 0,
        doneOnTime: 1,
        doneLate: 0,
        notDone: 1,
        cancelled: 0,
      },
      individuals: {
        registered: 0,
        approved: 0,
        rejected: 0,
        notAppraised: 0,
        doneOnTime: 0,
        doneLate: 0,
        notDone: 0,
        cancelled: 0,
      },
      byContentGroup: {},
    });
    expect(s.registrations.map((r) => r.result)).toEqual(['DONE_ON_TIME', 'NOT_DONE', null]);
    expect(effects[1]).toMatchObject({ kind: 'REVIEW_CLOSED', params: { headline: '1/2 done on time' } });
    expect(validateBreakthroughAction(s, HEAD(1), reg(4))?.kind).toBe('WRONG_PHASE');
  });
});
