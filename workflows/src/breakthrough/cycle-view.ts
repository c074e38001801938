/**
 * What a breakthrough cycle shows of itself: its view (the `breakthroughView` query), the answer to
 * an action (the view without the whole state, with the registration it touched) and the headline
 * the read model keeps. Pure functions of the state.
 */
import { cycleUnitId, type BreakthroughState, type Registration } from '@app/domain';
import type { BreakthroughActionResult, BreakthroughCycleRecord, BreakthroughView } from './definitions';

export const cycleIdOf = (s: BreakthroughState) => `${s.setup.unitId}/${s.setup.year}`;

export function cycleView(s: BreakthroughState, runs: number): BreakthroughView {
  const counts: Record<string, number> = {};
  for (const r of s.registrations) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { cycleId: cycleIdOf(s), phase: s.phase, counts, runs, version: s.version, state: s };
}

export function cycleActionResult(
  view: BreakthroughView,
  registration: Registration | undefined,
): BreakthroughActionResult {
  const { state: _whole, ...light } = view;
  return { ...light, registration: registration ?? null };
}

/** The cycle's row in the read model: its headline, not every registration (those stay in the workflow). */
export function cycleRecord(view: BreakthroughView): BreakthroughCycleRecord {
  const { setup, summary } = view.state;
  return {
    cycleId: view.cycleId,
    unitId: cycleUnitId(view.state),
    year: setup.year,
    title: setup.title,
    phase: view.phase,
    counts: view.counts,
    summary,
    version: view.version,
    state: view.state,
  };
}
