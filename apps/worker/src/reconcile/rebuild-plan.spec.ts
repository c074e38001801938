import type { ProgrammeState } from '@app/domain';
import { parseRebuildArgs, programmeTaskIds } from './rebuild-plan';

describe('parseRebuildArgs', () => {
  it('takes one programme or all', () => {
    expect(parseRebuildArgs(['--programme', 'hg-ctr-123'])).toEqual({ scope: 'programme', programmeId: 'hg-ctr-123' });
    expect(parseRebuildArgs(['--all'])).toEqual({ scope: 'all' });
  });

  it('refuses anything else, saying how to call it', () => {
    expect(() => parseRebuildArgs([])).toThrow(/--programme <id> \| --all/);
    expect(() => parseRebuildArgs(['--programme'])).toThrow(/usage/);
    expect(() => parseRebuildArgs(['--all', '--programme', 'x'])).toThrow(/usage/);
    expect(() => parseRebuildArgs(['--programme', "x'; DROP TABLE programme"])).toThrow(/not a programme id/);
  });
});

describe('programmeTaskIds', () => {
  it('names every task the programme started: issued, annual-plan, corrective and reported ones, once each', () => {
    const state = {
      setup: { programmeId: 'p1' },
      issuance: { tasks: [{ code: 'T1' }, { code: 'T2' }] },
      implementation: {
        annualPlans: [{ year: 2026, tasks: [{ code: 'K1' }] }],
        correctiveTasks: [{ code: 'C1' }],
      },
      taskOutcomes: { 'p1/T1': {}, 'p1/X9': {} },
    } as unknown as ProgrammeState;
    expect(programmeTaskIds(state)).toEqual(['p1/2026/K1', 'p1/C1', 'p1/T1', 'p1/T2', 'p1/X9']);
  });

  it('is empty for a programme not issued yet', () => {
    const state = { setup: { programmeId: 'p1' }, issuance: null, implementation: { annualPlans: [] } };
    expect(programmeTaskIds(state as unknown as ProgrammeState)).toEqual([]);
  });
});
