import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, Schemas } from '../api';

export type Unit = Schemas['UnitInTreeResponse'];
export type UnitKind = Schemas['UnitKindResponse'];
export type Person = Schemas['PersonResponse'];

/** The API answers at most this many rows a page. */
const PAGE = 200;

/** Every unit the administrator manages (ended ones too), fetched page by page, and a reload. */
export function useUnits(): { units: Unit[]; reload: () => Promise<void>; error: string | null } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const all: Unit[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await api.get('/admin/units', { query: { limit: PAGE, offset, includeEnded: true } });
        all.push(...page.items);
        if (all.length >= page.total || page.items.length === 0) break;
      }
      setUnits(all);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { units, reload, error };
}

export function useUnitKinds(): UnitKind[] {
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  useEffect(() => {
    api.get('/admin/unit-kinds').then(
      (r) => setKinds(r.items),
      () => setKinds([]),
    );
  }, []);
  return kinds;
}

/** Today in Vietnam as `YYYY-MM-DD`. */
export const today = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Whether a unit no longer works: restructured away, or past its last valid day. */
export const hasEnded = (u: Pick<Unit, 'status' | 'validTo'>): boolean =>
  u.status !== 'ACTIVE' || (u.validTo !== null && u.validTo < today());

/** A unit as a select option shows it: its name and code. */
export const unitLabel = (u: Pick<Unit, 'name' | 'code' | 'id'>): string => `${u.name} (${u.code ?? u.id})`;

/**
 * The API's refusal split by the form field each problem names (the messages name the property or
 * its subject: `validTo … is before …`, `moving … makes a cycle`), the rest kept for the form as a whole.
 */
export type FieldProblems = Record<string, string[]>;
export const GENERAL = '_';

export function problemsByField(err: unknown, fields: ReadonlyArray<[field: string, pattern: RegExp]>): FieldProblems {
  const problems = err instanceof ApiError ? err.problems : [(err as Error).message];
  const out: FieldProblems = {};
  for (const problem of problems) {
    // Validation names the property first (`validTo must be …`); the rules' sentences are matched by subject.
    const lead = /^(\w+)\b/.exec(problem)?.[1];
    const field =
      fields.find(([name]) => name === lead)?.[0] ??
      fields.find(([, pattern]) => pattern.test(problem))?.[0] ??
      GENERAL;
    (out[field] ??= []).push(problem);
  }
  return out;
}
