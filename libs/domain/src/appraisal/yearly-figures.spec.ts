import { vnYear, vnYearSpan, yearlyFigures } from './yearly-figures';

const now = new Date('2026-07-01T00:00:00Z');
const task = (over: Partial<Parameters<typeof yearlyFigures>[3][number]>) => ({
  responsibleUnitId: 'u1',
  responsiblePersonId: 'p1',
  status: 'DONE',
  dueAt: '2026-03-31T10:00:00Z',
  doneAt: '2026-03-30T10:00:00Z',
  reopenCount: 0,
  ...over,
});

describe('yearly appraisal figures', () => {
  const tasks = [
    task({}),
    task({ doneAt: '2026-04-02T00:00:00Z' }),
    task({ status: 'IN_PROGRESS', doneAt: null, dueAt: '2026-05-01T00:00:00Z' }),
    task({ status: 'ASSIGNED', doneAt: null, dueAt: '2026-09-01T00:00:00Z', reopenCount: 1 }),
    task({ status: 'CANCELLED', doneAt: null }),
    task({ responsiblePersonId: 'p2', responsibleUnitId: 'u2' }),
    // Due on 1 January 2027 at 06:00 Vietnam time... is 2026-12-31T23:00Z: a 2027 task.
    task({ dueAt: '2026-12-31T23:00:00Z', doneAt: '2026-12-30T00:00:00Z' }),
  ];
  const targets = [
    { responsibleUnitId: 'u1', achievement: 'ACHIEVED' },
    { responsibleUnitId: 'u1', achievement: 'EXCEEDED' },
    { responsibleUnitId: 'u1', achievement: 'NOT_ACHIEVED' },
    { responsibleUnitId: 'u1', achievement: null },
    { responsibleUnitId: 'u2', achievement: 'ACHIEVED' },
  ];

  it('counts a unit by bucket, with reopened tasks and its targets', () => {
    expect(yearlyFigures('UNIT', 'u1', 2026, tasks, targets, now)).toEqual({
      tasksTotal: 4,
      tasksOnTime: 1,
      tasksLate: 1,
      tasksOverdue: 1,
      tasksOpen: 1,
      tasksReopened: 1,
      targetsAchieved: 2,
      targetsTotal: 3,
    });
  });

  it('counts a person by the tasks they answer for, with no target figures', () => {
    expect(yearlyFigures('PERSON', 'p2', 2026, tasks, targets, now)).toMatchObject({
      tasksTotal: 1,
      tasksOnTime: 1,
      targetsAchieved: null,
      targetsTotal: null,
    });
  });

  it('places a task in the year of its due date in Vietnam time', () => {
    expect(vnYear('2026-12-31T23:00:00Z')).toBe(2027);
    expect(yearlyFigures('UNIT', 'u1', 2027, tasks, [], now).tasksOnTime).toBe(1);
    expect(vnYearSpan(2026).from.toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });
});
