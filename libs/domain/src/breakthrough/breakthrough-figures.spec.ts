import { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { TaskStatus } from '../task/task-state';
import { applyBreakthroughAction, BreakthroughAction, validateBreakthroughAction } from './breakthrough-cycle';
import { evaluateAtYearEnd, recordBreakthroughOutcome } from './breakthrough-deadlines';
import { cycleFigures, emptyFigures, validateContentGroups } from './breakthrough-figures';
import {
  BreakthroughSetup,
  BreakthroughState,
  initialBreakthroughState,
  validateBreakthroughSetup,
} from './breakthrough-state';

/** Tứ Kỳ district in 2022 (seed 003), in small: two content groups, organisations and individuals. */
const BTV: Actor = { personId: 'tk-btv', unitId: 'tk-btv-unit', roles: [Role.STANDING_COMMITTEE] };
const ORG = (i: number): Actor => ({ personId: `tk-org-${i}`, unitId: `tk-co-so-${i}`, roles: [Role.HEAD] });
const PERSON = (i: number): Actor => ({ personId: `tk-head-${i}`, unitId: `tk-ban-${i}`, roles: [Role.HEAD] });
const NOW = new Date('2022-01-05T02:00:00Z');
const GROUPS = [
  { code: 'HAN-CHE', title: 'Khắc phục hạn chế, yếu kém của năm 2021' },
  { code: 'DOI-MOI', title: 'Việc đột phá, đổi mới, sáng tạo, cấp bách năm 2022' },
];

const setup: BreakthroughSetup = {
  unitId: 'tk-hu',
  year: 2022,
  title: 'Việc đột phá năm 2022 của Huyện ủy Tứ Kỳ',
  memberInChargeId: null,
  fieldGroup: null,
  appraiserIds: [BTV.personId],
  invitedUnitIds: ['tk-co-so-1', 'tk-co-so-2', 'tk-ban-1', 'tk-ban-2'],
  registrationDeadline: '2022-01-15T10:00:00.000Z',
  appraisalDeadline: '2022-02-26T10:00:00.000Z',
  yearEndsAt: '2022-12-30T10:00:00.000Z',
  reminderOffsets: [],
  taskReminderOffsets: [],
  taskEscalationOffsets: [],
  createdBy: BTV.personId,
  contentGroups: GROUPS,
  parentCycleId: 'hd-tu/2022',
};

let n = 0;
function act(s: BreakthroughState, actor: Actor, action: BreakthroughAction) {
  const refusal = validateBreakthroughAction(s, actor, action);
  if (refusal) throw new Error(`${refusal.kind}: ${refusal.reason}`);
  return applyBreakthroughAction(s, actor, action, NOW, `f-${++n}`);
}
const register = (kind: 'UNIT' | 'HEAD', contentGroup?: string): BreakthroughAction => ({
  name: 'register',
  payload: { kind, title: 'Việc đột phá', expectedResult: 'Xong trong năm', measure: 'Báo cáo', contentGroup },
});
const done = (s: BreakthroughState, no: number, doneAt: string) =>
  recordBreakthroughOutcome(s, {
    taskId: s.registrations[no - 1].taskId as string,
    code: `BT-${no}`,
    status: TaskStatus.DONE,
    responsibleUnitId: s.registrations[no - 1].unitId,
    responsiblePersonId: s.registrations[no - 1].registrantId,
    dueAt: setup.yearEndsAt,
    doneAt,
  });

describe('content groups', () => {
  it('are checked with the setup', () => {
    expect(validateBreakthroughSetup(setup, NOW)).toEqual([]);
    expect(
      validateContentGroups([
        { code: 'A', title: 'x' },
        { code: 'A', title: 'y' },
      ])?.reason,
    ).toBe('content group A appears twice');
    expect(validateContentGroups([{ code: '', title: 'x' }])?.reason).toBe('contentGroups[0].code must not be empty');
    expect(validateBreakthroughSetup({ ...setup, contentGroups: 'x' as never }, NOW)).toEqual([
      'contentGroups must be a list of at most 20',
    ]);
  });

  it('a registration names one of the cycle’s groups, and none in a cycle without groups', () => {
    const s = initialBreakthroughState(setup);
    expect(validateBreakthroughAction(s, ORG(1), register('UNIT'))?.reason).toBe(
      "contentGroup must be one of the cycle's content groups: HAN-CHE, DOI-MOI",
    );
    expect(validateBreakthroughAction(s, ORG(1), register('UNIT', 'KHAC'))?.kind).toBe('INVALID');
    const plain = initialBreakthroughState({ ...setup, contentGroups: undefined });
    expect(validateBreakthroughAction(plain, ORG(1), register('UNIT', 'HAN-CHE'))?.reason).toBe(
      'this cycle has no content groups',
    );
    expect(validateBreakthroughAction(plain, ORG(1), register('UNIT'))).toBeNull();
  });
});

describe('organisations and individuals counted separately', () => {
  it('counts so far during the year, and exactly at its end', () => {
    const s = initialBreakthroughState(setup);
    act(s, ORG(1), register('UNIT', 'HAN-CHE')); // 1: approved, done on time
    act(s, ORG(2), register('UNIT', 'DOI-MOI')); // 2: approved, done late
    act(s, ORG(2), register('UNIT', 'DOI-MOI')); // 3: rejected
    act(s, PERSON(1), register('HEAD', 'HAN-CHE')); // 4: approved, done on time
    act(s, PERSON(2), register('HEAD', 'DOI-MOI')); // 5: approved, not done
    act(s, PERSON(2), register('HEAD', 'HAN-CHE')); // 6: never appraised
    act(s, BTV, { name: 'closeRegistration', payload: {} });
    for (const no of [1, 2, 4, 5])
      act(s, BTV, { name: 'appraise', payload: { no, decision: 'APPROVE', comments: '' } });
    act(s, BTV, { name: 'appraise', payload: { no: 3, decision: 'REJECT', comments: 'Nhiệm vụ thường xuyên' } });
    expect(s.registrations.map((r) => r.contentGroup)).toEqual([
      'HAN-CHE',
      'DOI-MOI',
      'DOI-MOI',
      'HAN-CHE',
      'DOI-MOI',
      'HAN-CHE',
    ]);
    done(s, 1, '2022-06-30T10:00:00.000Z');
    done(s, 4, '2022-12-30T10:00:00.000Z'); // on the due instant: on time
    done(s, 2, '2023-01-03T10:00:00.000Z'); // reported after the due date: late

    // During the year: what is done so far; nothing is "not done" yet.
    const soFar = cycleFigures(s);
    expect(soFar.organisations).toMatchObject({ registered: 3, approved: 2, doneOnTime: 1, doneLate: 1, notDone: 0 });
    expect(soFar.individuals).toMatchObject({ registered: 3, approved: 2, doneOnTime: 1, notDone: 0 });

    evaluateAtYearEnd(s);
    const f = (o: Partial<ReturnType<typeof emptyFigures>>) => ({ ...emptyFigures(), ...o });
    expect(s.summary).toEqual({
      ...f({ registered: 6, approved: 4, rejected: 1, notAppraised: 1, doneOnTime: 2, doneLate: 1, notDone: 1 }),
      headline: '2/4 done on time',
      organisations: f({ registered: 3, approved: 2, rejected: 1, doneOnTime: 1, doneLate: 1 }),
      individuals: f({ registered: 3, approved: 2, notAppraised: 1, doneOnTime: 1, notDone: 1 }),
      byContentGroup: {
        'HAN-CHE': f({ registered: 3, approved: 2, notAppraised: 1, doneOnTime: 2 }),
        'DOI-MOI': f({ registered: 3, approved: 2, rejected: 1, doneLate: 1, notDone: 1 }),
      },
    });
  });

  it('a revision may move a registration to another group', () => {
    const s = initialBreakthroughState(setup);
    act(s, PERSON(1), register('HEAD', 'HAN-CHE'));
    act(s, BTV, { name: 'closeRegistration', payload: {} });
    act(s, BTV, { name: 'appraise', payload: { no: 1, decision: 'REVISE', comments: 'Thuộc nhóm đổi mới' } });
    const revise = (contentGroup?: string): BreakthroughAction => ({
      name: 'revise',
      payload: { no: 1, title: 'Việc đột phá', expectedResult: 'Xong', measure: 'Báo cáo', contentGroup },
    });
    expect(validateBreakthroughAction(s, PERSON(1), revise('KHAC'))?.kind).toBe('INVALID');
    act(s, PERSON(1), revise('DOI-MOI'));
    expect(s.registrations[0].contentGroup).toBe('DOI-MOI');
  });
});
