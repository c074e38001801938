import { Phase } from './phase';
import type { ProgrammeState, ProgrammeTask } from './programme-state';
import { programmeTaskId, recordTaskOutcome, taskFigures } from './task-outcomes';

const task = (code: string, person: string, dueAt: string): ProgrammeTask => ({
  code,
  title: code,
  responsibleUnitId: `u-${person}`,
  responsiblePersonId: person,
  coordinatingUnitIds: [],
  dueAt,
});

function state(tasks: ProgrammeTask[], planTasks: ProgrammeTask[] = []): ProgrammeState {
  return {
    setup: { programmeId: 'p1' },
    phase: Phase.FINAL_REVIEW,
    issuance: { tasks },
    implementation: { annualPlans: [{ year: 2027, tasks: planTasks }] },
  } as unknown as ProgrammeState;
}

describe('task figures from reported outcomes', () => {
  const now = new Date('2028-01-01T00:00:00Z');
  it('counts done on time, done late, and open past the due date; cancelled nowhere; unreported by the due date', () => {
    const s = state(
      [
        task('T1', 'a', '2027-06-01T00:00:00Z'),
        task('T2', 'a', '2027-06-01T00:00:00Z'),
        task('T3', 'a', '2027-06-01T00:00:00Z'),
        task('T4', 'a', '2027-06-01T00:00:00Z'),
      ],
      [task('K1', 'a', '2029-01-01T00:00:00Z')],
    );
    const outcome = (
      code: string,
      status: string,
      doneAt: string | null,
      dueAt = '2027-06-01T00:00:00Z',
      person = 'a',
      year?: number,
    ) =>
      recordTaskOutcome(s, {
        taskId: programmeTaskId('p1', code, year),
        code,
        status: status as never,
        responsibleUnitId: `u-${person}`,
        responsiblePersonId: person,
        dueAt,
        doneAt,
      });
    outcome('T1', 'DONE', '2027-05-01T00:00:00Z');
    outcome('T2', 'DONE', '2027-07-01T00:00:00Z');
    outcome('T3', 'CANCELLED', null);
    expect(taskFigures(s, 'PERSON', 'a', now)).toEqual({ tasksOnTime: 1, tasksLate: 1, tasksOverdue: 1 }); // T4 never reported, past due; K1 not yet due
    outcome('T2', 'DONE', '2027-07-01T00:00:00Z', '2027-08-01T00:00:00Z'); // an extension moved its due date
    outcome('K1', 'IN_PROGRESS', null, '2029-01-01T00:00:00Z', 'b', 2027); // reassigned to b
    expect(taskFigures(s, 'PERSON', 'a', now)).toEqual({ tasksOnTime: 2, tasksLate: 0, tasksOverdue: 1 });
    expect(taskFigures(s, 'UNIT', 'u-b', now)).toEqual({ tasksOnTime: 0, tasksLate: 0, tasksOverdue: 0 });
  });
});
