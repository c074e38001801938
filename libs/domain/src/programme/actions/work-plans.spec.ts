import { TaskStatus } from '../../task/task-state';
import { type ProgrammeAction, validateAction } from '../programme-actions';
import type { ProgrammeState } from '../programme-state';
import { act, at, drafter, outsider, snnReporter, toImplementation, ubndReporter } from '../test-fixtures';
import { recordTaskOutcome, programmeTaskId } from '../task-outcomes';
import { findWorkPlan, linkedTaskIds, workPlansView } from '../work-plans';

const NOW = at('2024-12-20T02:00:00Z');

const annual2025: ProgrammeAction = {
  name: 'addWorkPlan',
  payload: {
    kind: 'ANNUAL',
    year: 2025,
    title: 'Kế hoạch thực hiện năm 2025',
    items: [
      {
        text: 'Hoàn thành quy hoạch vùng nguyên liệu',
        ownerUnitId: 'hg-snn',
        ownerPersonId: 'snn-gd',
        dueOn: '2025-06-30',
      },
      { text: 'Kế hoạch phát triển kinh tế', ownerUnitId: 'hg-ubnd', taskCode: 'T1' },
    ],
    keyTasks: [{ text: 'Tăng trưởng GRDP 7%', targetCode: 'GRDP' }],
  },
};

function withPlan(): ProgrammeState {
  const s = toImplementation();
  act(s, drafter, annual2025, NOW);
  return s;
}

describe('annual plans and quarterly work programmes', () => {
  it('numbers the items, keeps owners, tasks and the year key tasks; the plan id names its year', () => {
    const s = withPlan();
    const plan = findWorkPlan(s, '2025')!;
    expect(plan.items.map((i) => [i.no, i.ownerUnitId, i.ownerPersonId, i.status, i.taskCode])).toEqual([
      [1, 'hg-snn', 'snn-gd', 'OPEN', null],
      [2, 'hg-ubnd', null, 'OPEN', 'T1'],
    ]);
    expect(plan.keyTasks).toEqual([{ no: 1, text: 'Tăng trưởng GRDP 7%', targetCode: 'GRDP' }]);
    expect(validateAction(s, drafter, annual2025, NOW)).toEqual({
      kind: 'WRONG_PHASE',
      reason: 'plan 2025 exists already',
    });
  });

  it('refuses bad input naming the problem, and people outside the office', () => {
    const s = toImplementation();
    const bad = (payload: object) =>
      validateAction(s, drafter, { name: 'addWorkPlan', payload } as ProgrammeAction, NOW);
    const base = annual2025.payload as object;
    expect(bad({ ...base, kind: 'QUARTERLY' })?.reason).toBe(
      'quarter must be 1, 2, 3 or 4 for a quarterly work programme',
    );
    expect(bad({ ...base, quarter: 2 })?.reason).toBe('an annual plan has no quarter');
    expect(bad({ ...base, items: [] })?.reason).toMatch(/^items must be a list of 1 to/);
    expect(bad({ ...base, items: [{ text: 'x', ownerUnitId: 'hg-ubnd', taskCode: 'T9' }] })?.reason).toBe(
      'items[0].taskCode: the programme has no task T9',
    );
    expect(bad({ ...base, items: [{ text: 'x', ownerUnitId: 'hg-ubnd', dueOn: '2025-02-30' }] })?.reason).toBe(
      'items[0].dueOn 2025-02-30 is not a real date',
    );
    expect(bad({ ...base, keyTasks: [{ text: 'x', targetCode: 'NOPE' }] })?.reason).toBe(
      'keyTasks[0].targetCode: the programme has no target NOPE',
    );
    expect(validateAction(s, outsider, annual2025, NOW)?.kind).toBe('FORBIDDEN');
  });

  it("carries next year's key tasks and targets into next year's plan, ahead of its own", () => {
    const s = withPlan();
    const next = [
      { text: 'Giảm tỷ lệ hộ nghèo còn 1,5%', targetCode: 'POVERTY' },
      { text: 'Hoàn thành 3 khu tái định cư' },
    ];
    act(s, drafter, { name: 'setNextYearKeyTasks', payload: { planId: '2025', keyTasks: next } }, NOW);
    const plan2025 = findWorkPlan(s, '2025')!;
    expect(plan2025.nextYearKeyTasks.map((k) => [k.no, k.targetCode])).toEqual([
      [1, 'POVERTY'],
      [2, null],
    ]);
    // This year's key tasks are kept apart from next year's.
    expect(plan2025.keyTasks).toHaveLength(1);
    act(
      s,
      drafter,
      {
        name: 'addWorkPlan',
        payload: {
          kind: 'ANNUAL',
          year: 2026,
          title: 'Kế hoạch năm 2026',
          items: [{ text: 'Sơ kết giữa nhiệm kỳ', ownerUnitId: 'hg-tu' }],
          keyTasks: [{ text: 'Chuyển đổi số' }],
        },
      },
      NOW,
    );
    expect(findWorkPlan(s, '2026')!.keyTasks).toEqual([
      { no: 1, text: 'Giảm tỷ lệ hộ nghèo còn 1,5%', targetCode: 'POVERTY' },
      { no: 2, text: 'Hoàn thành 3 khu tái định cư', targetCode: null },
      { no: 3, text: 'Chuyển đổi số', targetCode: null },
    ]);
    // Once next year's plan exists, what it started with is history.
    expect(
      validateAction(s, drafter, { name: 'setNextYearKeyTasks', payload: { planId: '2025', keyTasks: [] } }, NOW)?.kind,
    ).toBe('WRONG_PHASE');
  });

  it('lets the owner report status, the office change the rest; closes an item once', () => {
    const s = withPlan();
    const change = (actor = snnReporter, payload: object = { planId: '2025', no: 1, status: 'IN_PROGRESS' }) =>
      validateAction(s, actor, { name: 'changePlanItem', payload } as ProgrammeAction, NOW);
    expect(change()).toBeNull();
    expect(change(ubndReporter)?.kind).toBe('FORBIDDEN');
    expect(change(snnReporter, { planId: '2025', no: 1, ownerUnitId: 'hg-ubnd' })?.kind).toBe('FORBIDDEN');
    expect(change(drafter, { planId: '2025', no: 9, text: 'x' })).toEqual({
      kind: 'INVALID',
      reason: 'plan 2025 has no item 9',
    });
    act(
      s,
      snnReporter,
      { name: 'changePlanItem', payload: { planId: '2025', no: 1, status: 'IN_PROGRESS', note: 'Đã khảo sát' } },
      NOW,
    );
    expect(findWorkPlan(s, '2025')!.items[0]).toMatchObject({
      status: 'IN_PROGRESS',
      note: 'Đã khảo sát',
      changedBy: 'snn-gd',
    });
    act(s, snnReporter, { name: 'closePlanItem', payload: { planId: '2025', no: 1, outcome: 'DONE' } }, NOW);
    expect(
      validateAction(
        s,
        snnReporter,
        { name: 'closePlanItem', payload: { planId: '2025', no: 1, outcome: 'DONE' } },
        NOW,
      ),
    ).toEqual({ kind: 'WRONG_PHASE', reason: 'item 1 of plan 2025 is closed already' });
  });

  it("an item with a task follows the task's status and cannot be set or closed by hand", () => {
    const s = withPlan();
    const view = () => workPlansView(s)[0].items[1].status;
    expect(view()).toBe('OPEN');
    // The read model sees every step of the task (the programme hears only of its end): it wins when given.
    const t1 = programmeTaskId(s.setup.programmeId, 'T1');
    expect(workPlansView(s, { [t1]: TaskStatus.ACCEPTED })[0].items[1].status).toBe('IN_PROGRESS');
    expect(linkedTaskIds(s)).toEqual([t1]);
    expect(
      validateAction(s, drafter, { name: 'closePlanItem', payload: { planId: '2025', no: 2, outcome: 'DONE' } }, NOW),
    ).toEqual({ kind: 'WRONG_PHASE', reason: 'item 2 follows task T1: it closes with the task' });
    const outcome = (status: TaskStatus) =>
      recordTaskOutcome(s, {
        taskId: programmeTaskId(s.setup.programmeId, 'T1'),
        code: 'T1',
        status,
        responsibleUnitId: 'hg-ubnd',
        responsiblePersonId: 'ubnd-ct',
        dueAt: '2025-12-31T10:00:00Z',
        doneAt: status === TaskStatus.DONE ? '2025-11-01T10:00:00Z' : null,
      });
    outcome(TaskStatus.IN_PROGRESS);
    expect(view()).toBe('IN_PROGRESS');
    outcome(TaskStatus.DONE);
    expect(view()).toBe('DONE');
    expect(workPlansView(s)[0].counts).toEqual({ OPEN: 1, IN_PROGRESS: 0, DONE: 1, DROPPED: 0 });
    outcome(TaskStatus.CANCELLED);
    expect(view()).toBe('DROPPED');
  });

  it('keeps one quarterly work programme per quarter, apart from the annual plan', () => {
    const s = withPlan();
    const q1: ProgrammeAction = {
      name: 'addWorkPlan',
      payload: {
        kind: 'QUARTERLY',
        year: 2025,
        quarter: 1,
        title: 'Chương trình công tác quý I/2025',
        items: [{ text: 'Hội nghị sơ kết quý', ownerUnitId: 'hg-tu', ownerPersonId: 'hg-cv1' }],
      },
    };
    act(s, drafter, q1, NOW);
    expect(findWorkPlan(s, '2025-Q1')).toMatchObject({ kind: 'QUARTERLY', quarter: 1, keyTasks: [] });
    expect(validateAction(s, drafter, q1, NOW)?.reason).toBe('plan 2025-Q1 exists already');
    act(
      s,
      drafter,
      { name: 'addPlanItem', payload: { planId: '2025-Q1', item: { text: 'Kiểm tra', ownerUnitId: 'hg-ubnd' } } },
      NOW,
    );
    expect(findWorkPlan(s, '2025-Q1')!.items.map((i) => i.no)).toEqual([1, 2]);
    expect(
      validateAction(s, drafter, { name: 'setNextYearKeyTasks', payload: { planId: '2025-Q1', keyTasks: [] } }, NOW)
        ?.reason,
    ).toBe("next year's key tasks belong to an annual plan");
  });
});
