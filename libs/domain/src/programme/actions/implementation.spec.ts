import { type ProgrammeAction, validateAction } from '../programme-actions';
import { allTasks } from '../responsibilities';
import { act, at, drafter, outsider, toDissemination, toImplementation, ubndReporter } from '../test-fixtures';

describe('implementation', () => {
  it('report refusals: unit not expected → FORBIDDEN; unknown review, unknown target, bad value → INVALID', () => {
    const s = toImplementation();
    const now = at('2024-06-25T02:00:00Z');
    const r = validateAction(
      s,
      outsider,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo', values: {} } },
      now,
    );
    expect(r).toEqual({ kind: 'FORBIDDEN', reason: 'your unit is not asked to report to this review' });
    // The issuing committee's own staff are not a responsible unit either.
    expect(
      validateAction(
        s,
        drafter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo', values: {} } },
        now,
      )?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 99, text: 'x', values: {} } },
        now,
      ),
    ).toEqual({
      kind: 'INVALID',
      reason: 'there is no review number 99',
    });
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: { GDP: '7' } } },
        now,
      ),
    ).toEqual({
      kind: 'INVALID',
      reason: 'unknown target code GDP',
    });
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: { GRDP: '7,2' } } },
        now,
      )?.kind,
    ).toBe('INVALID');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: '', values: {} } },
        now,
      )?.kind,
    ).toBe('INVALID');
  });

  it('reports are refused outside IMPLEMENTATION', () => {
    const s = toDissemination();
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: {} } },
        at('2024-06-25T02:00:00Z'),
      )?.kind,
    ).toBe('WRONG_PHASE');
  });

  it('annual plans: by the drafting team, once per year', () => {
    const s = toImplementation();
    const now = at('2024-04-01T02:00:00Z');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'addAnnualPlan', payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a'] } },
        now,
      )?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateAction(
        s,
        drafter,
        { name: 'addAnnualPlan', payload: { year: 1999, title: 'Kế hoạch', items: ['a'] } },
        now,
      )?.kind,
    ).toBe('INVALID');
    act(s, drafter, { name: 'addAnnualPlan', payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a', 'b'] } }, now);
    expect(s.implementation.annualPlans).toEqual([
      {
        by: 'hg-cv1',
        at: '2024-04-01T02:00:00.000Z',
        year: 2024,
        title: 'Kế hoạch 2024',
        items: ['a', 'b'],
        tasks: [],
      },
    ]);
    expect(
      validateAction(s, drafter, { name: 'addAnnualPlan', payload: { year: 2024, title: 'Lại', items: ['c'] } }, now)
        ?.kind,
    ).toBe('WRONG_PHASE');
  });

  it('annual plans may add tasks, whose codes must be new to the programme', () => {
    const s = toImplementation();
    const now = at('2024-04-01T02:00:00Z');
    const issued = allTasks(s);
    expect(issued.length).toBeGreaterThan(0);
    const task = {
      code: 'KH24-1',
      title: 'Tổ chức hội nghị xúc tiến đầu tư',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      dueAt: '2024-12-15T10:00:00Z',
    };
    const plan = (tasks: unknown[]) =>
      ({
        name: 'addAnnualPlan',
        payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a'], tasks },
      }) as ProgrammeAction;
    expect(validateAction(s, drafter, plan([{ ...task, code: issued[0].code }]), now)).toEqual({
      kind: 'INVALID',
      reason: `task code ${issued[0].code} is used already in this programme`,
    });
    expect(validateAction(s, drafter, plan([{ ...task, dueAt: 'soon' }]), now)).toEqual({
      kind: 'INVALID',
      reason: 'tasks[0].dueAt must be a date-time',
    });
    expect(validateAction(s, drafter, plan([null]), now)).toEqual({
      kind: 'INVALID',
      reason: 'tasks[0] must be an object',
    });
    act(s, drafter, plan([task]), now);
    expect(allTasks(s).map((t) => t.code)).toEqual([...issued.map((t) => t.code), 'KH24-1']);
    expect(allTasks(s).at(-1)).toEqual({ ...task, coordinatingUnitIds: [] });
  });
});
