import { useEffect, useState } from 'react';
import { api, Schemas } from '../api';

export type OpenWork = Schemas['OpenWorkResponse'];
export type OpenProgramme = Schemas['OpenProgrammeResponse'];
export type OpenTask = Schemas['OpenTaskResponse'];

/**
 * The open work of one unit, as a split hands it on: the server lists it by the same conditions it
 * checks a change's items against (`GET /organisation/units/{id}/open-work`); a restricted programme
 * the administrator does not read comes untitled.
 */
export function openWorkOf(unitId: string): Promise<OpenWork> {
  return api.get('/organisation/units/{id}/open-work', { path: { id: unitId } });
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
