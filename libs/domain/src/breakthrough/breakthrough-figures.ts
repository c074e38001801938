import { text } from '../common/checks';
import { MAX_CODE_LENGTH, MAX_CONTENT_GROUPS, MAX_TITLE_LENGTH } from '../limits';
import { invalid, Refusal } from '../programme/refusal';
import type { TaskOutcome } from '../task/task-state';
import type { BreakthroughResult, BreakthroughState, ContentGroup, Registration } from './breakthrough-state';

/**
 * What a breakthrough cycle counts, the way the reports count it: organisations (registered by a
 * unit, carried by its head) and individuals (heads registering personally) separately, and per
 * content group ("143 việc cho tổ chức, 234 việc cho cá nhân"; "3 nhóm nội dung").
 */
export interface BreakthroughFigures {
  registered: number;
  approved: number;
  rejected: number;
  notAppraised: number;
  doneOnTime: number;
  doneLate: number;
  notDone: number;
  cancelled: number;
}

export interface BreakthroughBreakdown {
  /** Registrations by units (kind UNIT). */
  organisations: BreakthroughFigures;
  /** Heads' personal registrations (kind HEAD). */
  individuals: BreakthroughFigures;
  /** By content group code; registrations naming none are not in it. */
  byContentGroup: Record<string, BreakthroughFigures>;
}

const RESULT_FIGURE: Record<BreakthroughResult, keyof BreakthroughFigures> = {
  DONE_ON_TIME: 'doneOnTime',
  DONE_LATE: 'doneLate',
  NOT_DONE: 'notDone',
  CANCELLED: 'cancelled',
};

/** The result of an approved registration from its task's outcome: at the year end, or so far (null while open). */
export function resultFrom(o: TaskOutcome | undefined, yearEnded: boolean): BreakthroughResult | null {
  if (o?.status === 'CANCELLED') return 'CANCELLED';
  if (o?.status === 'DONE') return Date.parse(o.doneAt as string) <= Date.parse(o.dueAt) ? 'DONE_ON_TIME' : 'DONE_LATE';
  return yearEnded ? 'NOT_DONE' : null;
}

export function emptyFigures(): BreakthroughFigures {
  return {
    registered: 0,
    approved: 0,
    rejected: 0,
    notAppraised: 0,
    doneOnTime: 0,
    doneLate: 0,
    notDone: 0,
    cancelled: 0,
  };
}

function add(f: BreakthroughFigures, r: Registration, result: BreakthroughResult | null): void {
  f.registered++;
  if (r.status === 'REJECTED') f.rejected++;
  if (r.status === 'NOT_APPRAISED') f.notAppraised++;
  if (r.status !== 'APPROVED') return;
  f.approved++;
  if (result) f[RESULT_FIGURE[result]]++;
}

/** The cycle's registrations counted: in all, and broken down. Before the year end, what is done so far. */
export function cycleFigures(s: BreakthroughState): BreakthroughFigures & BreakthroughBreakdown {
  const all = emptyFigures();
  const breakdown: BreakthroughBreakdown = {
    organisations: emptyFigures(),
    individuals: emptyFigures(),
    byContentGroup: Object.fromEntries((s.setup.contentGroups ?? []).map((g) => [g.code, emptyFigures()])),
  };
  for (const r of s.registrations) {
    const result = r.result ?? (r.taskId ? resultFrom(s.taskOutcomes[r.taskId], false) : null);
    add(all, r, result);
    add(r.kind === 'UNIT' ? breakdown.organisations : breakdown.individuals, r, result);
    if (r.contentGroup) add((breakdown.byContentGroup[r.contentGroup] ??= emptyFigures()), r, result);
  }
  return { ...all, ...breakdown };
}

/** The problem with a cycle's content groups (codes unique and short, titles given), or null. */
export function validateContentGroups(groups: unknown): Refusal | null {
  if (groups === undefined) return null;
  if (!Array.isArray(groups) || groups.length > MAX_CONTENT_GROUPS)
    return invalid(`contentGroups must be a list of at most ${MAX_CONTENT_GROUPS}`);
  const codes = new Set<string>();
  for (const [i, g] of (groups as ContentGroup[]).entries()) {
    if (typeof g !== 'object' || g === null) return invalid(`contentGroups[${i}] must be an object`);
    const bad =
      text(g.code, `contentGroups[${i}].code`, MAX_CODE_LENGTH) ??
      text(g.title, `contentGroups[${i}].title`, MAX_TITLE_LENGTH);
    if (bad) return bad;
    if (codes.has(g.code)) return invalid(`content group ${g.code} appears twice`);
    codes.add(g.code);
  }
  return null;
}

/** A registration's content group: one of the cycle's when it has groups, none when it has none. */
export function checkContentGroup(s: BreakthroughState, group: unknown): Refusal | null {
  const groups = s.setup.contentGroups ?? [];
  if (groups.length === 0)
    return group === undefined || group === null ? null : invalid('this cycle has no content groups');
  if (typeof group !== 'string' || !groups.some((g) => g.code === group))
    return invalid(`contentGroup must be one of the cycle's content groups: ${groups.map((g) => g.code).join(', ')}`);
  return null;
}
