import { RESOLUTION_KINDS, RESOLUTION_LEVELS, ResolutionKind } from './resolution-registry';

/** What supervisors count resolutions and programmes by. */
export const COUNT_DIMENSIONS = ['year', 'kind', 'level', 'fieldGroup', 'memberInCharge'] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];

/** One counted thing: a registry entry, or a programme (its kind is that of the entry it implements). */
export interface CountedItem {
  subject: 'resolution' | 'programme';
  /** Year signed (an entry) or issued (a programme). */
  year: number;
  kind: ResolutionKind | null;
  level: string;
  fieldGroup: string;
  memberInChargeId: string | null;
}

export type KindCounts = Record<ResolutionKind, number>;

export interface CountRow {
  /** The value counted by; null where the item has none (no member in charge, a programme without an entry). */
  key: string | null;
  resolutions: number;
  resolutionsByKind: KindCounts;
  programmes: number;
}

const noKinds = (): KindCounts => Object.fromEntries(RESOLUTION_KINDS.map((k) => [k, 0])) as KindCounts;

function keyOf(item: CountedItem, by: CountDimension): string | null {
  switch (by) {
    case 'year':
      return String(item.year);
    case 'kind':
      return item.kind;
    case 'level':
      return item.level;
    case 'fieldGroup':
      return item.fieldGroup;
    case 'memberInCharge':
      return item.memberInChargeId;
  }
}

/**
 * Counts items by one dimension. Years of the term, kinds and levels are listed whole (a zero is an
 * answer too); field groups and members only where something is counted, by key, with "none" last.
 */
export function countBy(
  items: readonly CountedItem[],
  by: CountDimension,
  years: readonly number[],
): { rows: CountRow[]; total: CountRow } {
  const fixed: Partial<Record<CountDimension, readonly string[]>> = {
    year: years.map(String),
    kind: RESOLUTION_KINDS,
    level: RESOLUTION_LEVELS,
  };
  const rows = new Map<string | null, CountRow>();
  const row = (key: string | null): CountRow => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, resolutions: 0, resolutionsByKind: noKinds(), programmes: 0 }));
    return r;
  };
  for (const key of fixed[by] ?? []) row(key);
  const total: CountRow = { key: null, resolutions: 0, resolutionsByKind: noKinds(), programmes: 0 };
  for (const item of items) {
    if (!years.includes(item.year)) continue;
    for (const r of [row(keyOf(item, by)), total]) {
      if (item.subject === 'programme') r.programmes += 1;
      else {
        r.resolutions += 1;
        if (item.kind) r.resolutionsByKind[item.kind] += 1;
      }
    }
  }
  const list = [...rows.values()];
  if (!fixed[by]) list.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
  return { rows: list, total };
}
