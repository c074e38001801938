import { TaskStatus } from '../task/task-state';
import { applyFollowUp, ownTaskIds, validateFollowUp } from './inspection-follow-up';
import type { ProgrammeState } from './programme-state';

const task = (code: string) => ({
  code,
  title: code,
  responsibleUnitId: 'u1',
  responsiblePersonId: 'a',
  coordinatingUnitIds: [],
  dueAt: '2026-06-01T00:00:00Z',
});
const outcome = (code: string, status: TaskStatus) => ({
  taskId: `p1/${code}`,
  code,
  status,
  responsibleUnitId: 'u1',
  responsiblePersonId: 'a',
  dueAt: '2026-06-01T00:00:00Z',
  doneAt: status === TaskStatus.DONE ? '2026-05-01T00:00:00Z' : null,
});
const state = (): ProgrammeState =>
  ({
    setup: { programmeId: 'p1' },
    issuance: { tasks: [task('T1'), task('T2')] },
    implementation: { annualPlans: [], inspections: [] },
    taskOutcomes: { 'p1/T1': outcome('T1', TaskStatus.DONE), 'p1/T2': outcome('T2', TaskStatus.IN_PROGRESS) },
  }) as unknown as ProgrammeState;
const now = new Date('2026-07-01T00:00:00Z');
const reopen = (taskId: string, dueAt = '2026-08-01T00:00:00Z') => ({
  reopenTasks: [{ taskId, dueAt, reason: 'chưa đạt' }],
});

describe('inspection follow-up', () => {
  it('reopens only a done task of the programme, with a future deadline', () => {
    expect(validateFollowUp(state(), reopen('p1/T1'), now)).toBeNull();
    expect(validateFollowUp(state(), reopen('p1/T2'), now)).toMatchObject({ kind: 'WRONG_PHASE' });
    expect(validateFollowUp(state(), reopen('p9/T1'), now)?.reason).toMatch(/not a task of this programme/);
    expect(validateFollowUp(state(), reopen('p1/T1', '2026-01-01T00:00:00Z'), now)?.reason).toMatch(/future/);
  });

  it('refuses a corrective task with a code in use or a past deadline', () => {
    expect(
      validateFollowUp(state(), { correctiveTasks: [{ ...task('T1'), dueAt: '2026-09-01T00:00:00Z' }] }, now)?.reason,
    ).toMatch(/used already/);
    expect(validateFollowUp(state(), { correctiveTasks: [task('K1')] }, now)?.reason).toMatch(/future/);
  });

  it('counts a reopened task open at once and keeps corrective tasks with their inspection', () => {
    const s = state();
    applyFollowUp(
      s,
      { ...reopen('p1/T1'), correctiveTasks: [{ ...task('K1'), dueAt: '2026-09-01T00:00:00Z' }] },
      1,
      'i',
      'now',
    );
    expect(s.taskOutcomes!['p1/T1']).toMatchObject({ status: TaskStatus.ASSIGNED, doneAt: null });
    expect(s.implementation.correctiveTasks).toEqual([expect.objectContaining({ code: 'K1', inspectionNo: 1 })]);
    expect(ownTaskIds(s)).toEqual(['p1/T1', 'p1/T2', 'p1/K1']);
  });
});
