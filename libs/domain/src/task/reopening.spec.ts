import { endWithProgramme, reopenTask } from './reopening';
import { initialTaskState } from './task-actions';
import { TaskSetup, TaskState, TaskStatus } from './task-state';

const setup: TaskSetup = {
  taskId: 'p1/T1',
  programmeId: 'p1',
  code: 'T1',
  title: 'T1',
  source: 'PROGRAMME',
  responsibleUnitId: 'u1',
  responsiblePersonId: 'a',
  coordinatingUnitIds: [],
  assignerId: 'cv',
  memberInChargeId: 'm',
  fieldGroup: 'economy',
  issuingUnitId: 'tu',
  isBreakthrough: false,
  dueAt: '2026-06-01T00:00:00.000Z',
  reminderOffsets: [],
  escalationOffsets: [],
};
const done = (): TaskState => ({
  ...initialTaskState(setup, new Date('2026-01-01T00:00:00Z')),
  status: TaskStatus.DONE,
  doneAt: '2026-05-20T00:00:00.000Z',
  verifiedBy: 'cv',
});
const ending = (outcome: 'CANCELLED' | 'SUPERSEDED') => ({
  programmeId: 'p1',
  outcome,
  reason: 'thay thế',
  actorId: 'bt',
  at: '2026-07-01T00:00:00.000Z',
  byProgrammeId: outcome === 'SUPERSEDED' ? 'p2' : null,
});

describe('reopening a task', () => {
  const order = {
    by: 'insp',
    at: '2026-07-01T00:00:00.000Z',
    inspectionNo: 2,
    reason: 'chưa đạt',
    dueAt: '2026-08-01T00:00:00Z',
  };

  it('assigns a done task again with the new deadline, keeping the earlier result in its reopenings', () => {
    const s = done();
    const effects = reopenTask(s, order);
    expect(s).toMatchObject({
      status: TaskStatus.ASSIGNED,
      dueAt: '2026-08-01T00:00:00.000Z',
      doneAt: null,
      dueSeq: 1,
    });
    expect(s.reopenings).toEqual([{ ...order, fromDueAt: setup.dueAt, fromDoneAt: '2026-05-20T00:00:00.000Z' }]);
    expect(effects.map((e) => (e.type === 'audit' ? e.action : e.kind))).toEqual(['reopened', 'TASK_ASSIGNED']);
  });

  it('leaves a task that is not done as it is', () => {
    const s = initialTaskState(setup, new Date());
    expect(reopenTask(s, order)).toEqual([]);
    expect(s.status).toBe(TaskStatus.ASSIGNED);
  });
});

describe('a task whose programme ended', () => {
  it('is cancelled with a cancelled programme, saying why', () => {
    const s = initialTaskState(setup, new Date());
    const [e] = endWithProgramme(s, ending('CANCELLED'));
    expect(s.status).toBe(TaskStatus.CANCELLED);
    expect(s.endReason).toBe('cancelled because the programme was cancelled: thay thế');
    expect(e).toMatchObject({ type: 'audit', action: 'cancelled.programmeEnded' });
  });

  it('is carried to the superseding programme, open as it was', () => {
    const s = initialTaskState(setup, new Date());
    endWithProgramme(s, ending('SUPERSEDED'));
    expect(s.status).toBe(TaskStatus.ASSIGNED);
    expect(s.setup.programmeId).toBe('p2');
    expect(s.carriedFrom).toEqual([{ programmeId: 'p1', at: '2026-07-01T00:00:00.000Z', reason: 'thay thế' }]);
  });

  it('leaves a finished task, or one of another programme, alone', () => {
    expect(endWithProgramme(done(), ending('CANCELLED'))).toEqual([]);
    const other = initialTaskState({ ...setup, programmeId: 'p9' }, new Date());
    expect(endWithProgramme(other, ending('CANCELLED'))).toEqual([]);
  });
});
