import { compareWithRow, judgeRow, type LiveVersion, type RowVersion } from './read-model-drift';

const live: LiveVersion = { version: 7, chainRunId: 'run-b', marker: 'CONSULTATION' };
const row = (over: Partial<RowVersion> = {}): RowVersion => ({
  seq: 7,
  chainRunId: 'run-b',
  marker: 'CONSULTATION',
  orphaned: false,
  ...over,
});

describe('compareWithRow', () => {
  it('finds nothing when the row holds the workflow’s version, chain and headline', () => {
    expect(compareWithRow(live, row())).toEqual({ kind: 'NONE' });
  });

  it('reports a missing row', () => {
    expect(compareWithRow(live, undefined)).toEqual({ kind: 'MISSING', why: 'no read-model row' });
  });

  it('reports a row behind the workflow, and one ahead of it (which the version guard alone would keep)', () => {
    expect(compareWithRow(live, row({ seq: 3, marker: 'DRAFTING' }))).toEqual({
      kind: 'DRIFTED',
      why: 'row at v3, workflow at v7',
      ahead: false,
    });
    expect(compareWithRow(live, row({ seq: 9 }))).toMatchObject({ kind: 'DRIFTED', ahead: true });
  });

  it('reports a headline changed at the same version', () => {
    expect(compareWithRow(live, row({ marker: 'CLOSED' }))).toEqual({
      kind: 'DRIFTED',
      why: 'row says CLOSED, workflow says CONSULTATION at v7',
      ahead: false,
    });
  });

  it('reports a row of another run chain, whatever its version, and an orphan mark on a running workflow’s row', () => {
    expect(compareWithRow(live, row({ chainRunId: 'run-a', seq: 40 }))).toMatchObject({ kind: 'DRIFTED', ahead: true });
    expect(compareWithRow(live, row({ chainRunId: null, seq: 2 }))).toMatchObject({ kind: 'DRIFTED', ahead: false });
    expect(compareWithRow(live, row({ orphaned: true }))).toMatchObject({ kind: 'DRIFTED' });
  });

  it('does not compare chains for a workflow that tells none (a history from before chains)', () => {
    expect(compareWithRow({ ...live, chainRunId: null }, row({ chainRunId: null }))).toEqual({ kind: 'NONE' });
    expect(compareWithRow({ ...live, chainRunId: null }, row({ chainRunId: 'run-x' }))).toEqual({ kind: 'NONE' });
  });
});

describe('judgeRow', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const day = 86_400_000;
  const life = (open: boolean, ageMs: number, chainRunId: string | null = 'run-a') => ({
    open,
    chainRunId,
    updatedAt: new Date(now.getTime() - ageMs),
  });

  it('orphans an open row without a workflow, however old', () => {
    expect(judgeRow(life(true, 400 * day), { found: false }, now, 30 * day)).toMatchObject({ verdict: 'ORPHAN' });
  });

  it('keeps a closed row whose workflow is past the retention, and orphans one that should still be found', () => {
    expect(judgeRow(life(false, 31 * day), { found: false }, now, 30 * day)).toEqual({ verdict: 'KEEP' });
    expect(judgeRow(life(false, 2 * day), { found: false }, now, 30 * day)).toMatchObject({ verdict: 'ORPHAN' });
    // Retention unknown (0): every closed row is kept.
    expect(judgeRow(life(false, 0), { found: false }, now, 0)).toEqual({ verdict: 'KEEP' });
  });

  it('keeps a row of the workflow’s own chain, and one from before chains were told', () => {
    expect(judgeRow(life(true, 0), { found: true, firstRunId: 'run-a' }, now, day)).toEqual({ verdict: 'KEEP' });
    expect(judgeRow(life(true, 0, null), { found: true, firstRunId: 'run-b' }, now, day)).toEqual({ verdict: 'KEEP' });
    expect(judgeRow(life(true, 0), { found: true, firstRunId: null }, now, day)).toEqual({ verdict: 'KEEP' });
  });

  it('hands a row of another chain over to the workflow now holding the id', () => {
    expect(judgeRow(life(false, 0), { found: true, firstRunId: 'run-b' }, now, day)).toEqual({
      verdict: 'RECHAIN',
      why: 'row from run chain run-a, workflow is run-b',
    });
  });
});
