import { taskBucket, TaskBucket, withTotal } from './task-buckets';

describe('taskBucket', () => {
  const due = '2026-03-31T10:00:00.000Z';
  const now = new Date('2026-04-01T00:00:00.000Z');

  it('splits done tasks by whether they were verified by the due date', () => {
    expect(taskBucket({ status: 'DONE', dueAt: due, doneAt: '2026-03-31T10:00:00.000Z' }, now)).toBe(
      TaskBucket.DONE_ON_TIME,
    );
    expect(taskBucket({ status: 'DONE', dueAt: due, doneAt: '2026-03-31T10:00:00.001Z' }, now)).toBe(
      TaskBucket.DONE_LATE,
    );
  });

  it('derives overdue from the due date at the moment of asking', () => {
    for (const status of ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED']) {
      expect(taskBucket({ status, dueAt: due, doneAt: null }, new Date(due))).toBe(TaskBucket.OPEN_WITHIN_DEADLINE);
      expect(taskBucket({ status, dueAt: due, doneAt: null }, now)).toBe(TaskBucket.OPEN_OVERDUE);
    }
  });

  it('leaves cancelled tasks out and refuses a done task without a time', () => {
    expect(taskBucket({ status: 'CANCELLED', dueAt: due, doneAt: null }, now)).toBeNull();
    expect(() => taskBucket({ status: 'DONE', dueAt: due, doneAt: null }, now)).toThrow(
      'a DONE task must have a done time',
    );
  });
});

describe('withTotal', () => {
  it('adds the four buckets up and keeps each', () => {
    expect(withTotal({ DONE_ON_TIME: 1, DONE_LATE: 2, OPEN_WITHIN_DEADLINE: 3, OPEN_OVERDUE: 4 })).toEqual({
      DONE_ON_TIME: 1,
      DONE_LATE: 2,
      OPEN_WITHIN_DEADLINE: 3,
      OPEN_OVERDUE: 4,
      total: 10,
    });
  });
});
