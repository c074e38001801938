import { useEffect, useState } from 'react';
import { TERMINAL_PHASES } from '../../../../libs/domain/src/programme/phase';
import { api, Schemas } from '../api';

export type OpenProgramme = Schemas['SupervisedProgrammeResponse'];
export type OpenTask = Schemas['TaskSummaryResponse'];
export interface OpenWork {
  programmes: OpenProgramme[];
  tasks: OpenTask[];
}

/** The supervision lists answer at most this many rows a page. */
const PAGE_SIZE = 100;
/** The buckets of tasks not done nor cancelled: the open work a restructuring carries on. */
const OPEN_BUCKETS = ['OPEN_WITHIN_DEADLINE', 'OPEN_OVERDUE'] as const;

/** Every row of a paged supervision list, page after page. */
async function allPages<T>(page: (n: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let n = 1; ; n++) {
    const { items, total } = await page(n);
    rows.push(...items);
    if (items.length < PAGE_SIZE || rows.length >= total) return rows;
  }
}

/**
 * The open work of one unit, as a split hands it on: the programmes it issued that are not closed,
 * cancelled or superseded, and the tasks it issued or is responsible for that are not done or
 * cancelled. Read through the supervision lists, which an administrator sees as the province's
 * supervisors do; a restricted programme the administrator does not read comes untitled.
 */
export async function openWorkOf(unitId: string): Promise<OpenWork> {
  const programmes = allPages((page) =>
    api.get('/supervision/programmes', { query: { committeeId: unitId, page, pageSize: PAGE_SIZE } }),
  );
  const taskLists = OPEN_BUCKETS.flatMap((bucket) =>
    [{ issuingUnitId: unitId }, { responsibleUnitId: unitId }].map((filter) =>
      allPages((page) =>
        api.get('/tasks/supervision', { query: { ...filter, bucket, page, pageSize: PAGE_SIZE, sort: 'dueAt' } }),
      ),
    ),
  );
  // The committee's list holds its whole subtree: only what the unit itself issued is its own.
  const own = (await programmes).filter(
    (p) => p.issuingUnitId === unitId && !(TERMINAL_PHASES as readonly string[]).includes(p.phase),
  );
  const tasks = new Map<string, OpenTask>();
  for (const list of await Promise.all(taskLists)) for (const t of list) tasks.set(t.id, t);
  return {
    programmes: own.sort((a, b) => a.id.localeCompare(b.id)),
    tasks: [...tasks.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id)),
  };
}

/** The open work of `unitId` (none chosen: null), read again when another unit is chosen. */
export function useOpenWork(unitId: string): { work: OpenWork | null; loading: boolean; error: string | null } {
  const [answer, setAnswer] = useState<{ unitId: string; work?: OpenWork; error?: string } | null>(null);
  useEffect(() => {
    if (!unitId) return;
    let stale = false;
    openWorkOf(unitId).then(
      (work) => !stale && setAnswer({ unitId, work }),
      (err: Error) => !stale && setAnswer({ unitId, error: err.message }),
    );
    return () => {
      stale = true;
    };
  }, [unitId]);
  const current = unitId && answer?.unitId === unitId ? answer : null;
  return { work: current?.work ?? null, loading: !!unitId && !current, error: current?.error ?? null };
}
