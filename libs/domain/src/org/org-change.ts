/**
 * A restructuring of units (merger, split, renaming, abolition of a level) as pure rules: what an
 * admin may ask for, the first problem with a request, and what it does to the unit tree. No I/O:
 * the API reads the unit rows, asks here, then writes the plan in one transaction.
 */
import { OrgUnitKind } from './org-unit';

export const ORG_CHANGE_KINDS = ['MERGE', 'SPLIT', 'RENAME', 'ABOLISH_LEVEL'] as const;
export type OrgChangeKind = (typeof ORG_CHANGE_KINDS)[number];

/** Where a predecessor stands once the change took effect (a renamed unit counts as merged into its new row). */
export const PREDECESSOR_STATUS: Record<OrgChangeKind, 'MERGED' | 'SPLIT' | 'ABOLISHED'> = {
  MERGE: 'MERGED',
  RENAME: 'MERGED',
  SPLIT: 'SPLIT',
  ABOLISH_LEVEL: 'ABOLISHED',
};

/** One predecessor and the unit that takes over its work (for a split: the default one). */
export interface OrgChangeUnit {
  unitId: string;
  successorId: string;
}

/** A unit the change creates (a merged province's new committee, a renamed unit's new row). */
export interface NewOrgUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/** An open programme or task the admin sends elsewhere than its unit's default successor. */
export interface OrgChangeItem {
  kind: 'PROGRAMME' | 'TASK';
  id: string;
  successorId: string;
  /** For a task: who carries it from now on (else the person stays if still active, or the successor's head). */
  responsiblePersonId?: string | null;
}

export interface OrgChangeRequest {
  kind: OrgChangeKind;
  /** First day under the new structure (YYYY-MM-DD, Vietnam calendar); the predecessors' last day is the day before. */
  effectiveDate: string;
  units: OrgChangeUnit[];
  newUnits: NewOrgUnit[];
  items: OrgChangeItem[];
}

/** A unit row as the rules need it. */
export interface UnitFact {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  status: string;
  successorId: string | null;
  code: string | null;
  validFrom: string | null;
}

/** What the change does to the tree once it takes effect. */
export interface OrgChangePlan {
  /** Predecessor id → the unit that takes over its work by default. */
  unitMap: Record<string, string>;
  predecessorStatus: 'MERGED' | 'SPLIT' | 'ABOLISHED';
  /** The predecessors' last valid day. */
  validTo: string;
  /** Active units under a predecessor move: under the successor (merge, rename, split) or the predecessor's parent (abolished level). */
  reparent: Array<{ unitId: string; parentId: string | null }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_UNITS = 200;
const MAX_ITEMS = 5000;

/** The day before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** A calendar date the records can hold: YYYY-MM-DD, a real day, between 1900 and 2999. */
function isDate(value: string): boolean {
  if (!DATE.test(value) || value < '1900-01-01' || value > '2999-12-31') return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

/**
 * The first problem with `req` against the current unit rows, or null. Checks the shape the kind
 * asks for, unknown and already-restructured units, successors that are not active, dates before a
 * unit existed, new units that clash, and cycles in the tree that would result.
 */
export function orgChangeProblem(req: OrgChangeRequest, units: ReadonlyMap<string, UnitFact>): string | null {
  if (!isDate(req.effectiveDate)) return `effectiveDate must be a date (YYYY-MM-DD), not "${req.effectiveDate}"`;
  if (req.units.length === 0) return 'units must name at least one unit to restructure';
  if (req.units.length > MAX_UNITS) return `units may name at most ${MAX_UNITS} units`;
  if (req.items.length > MAX_ITEMS) return `items may name at most ${MAX_ITEMS} programmes and tasks`;

  const created = new Map<string, NewOrgUnit>();
  for (const n of req.newUnits) {
    if (units.has(n.id) || created.has(n.id)) return `new unit ${n.id} already exists`;
    if (!(Object.values(OrgUnitKind) as string[]).includes(n.kind))
      return `new unit ${n.id} has an unknown kind ${n.kind}`;
    const codeTaken =
      [...units.values()].find((u) => u.code === n.code) ?? [...created.values()].find((u) => u.code === n.code);
    if (codeTaken) return `code ${n.code} of new unit ${n.id} is already used by ${codeTaken.name}`;
    created.set(n.id, n);
  }

  const predecessors = new Set<string>();
  for (const { unitId, successorId } of req.units) {
    const unit = units.get(unitId);
    if (!unit) return `unknown unit ${unitId}`;
    if (predecessors.has(unitId)) return `unit ${unit.name} is named twice`;
    predecessors.add(unitId);
    if (unit.status !== 'ACTIVE')
      return `unit ${unit.name} was already restructured (${unit.status}${unit.successorId ? `, successor ${units.get(unit.successorId)?.name ?? unit.successorId}` : ''})`;
    if (unit.validFrom && req.effectiveDate <= unit.validFrom)
      return `effectiveDate ${req.effectiveDate} is not after unit ${unit.name} came into being (${unit.validFrom})`;
    if (!units.has(successorId) && !created.has(successorId))
      return `unknown successor ${successorId} for ${unit.name}`;
  }
  for (const { unitId, successorId } of req.units) {
    const succ = units.get(successorId);
    if (predecessors.has(successorId))
      return `${units.get(unitId)?.name} cannot be succeeded by ${succ?.name ?? successorId}, which is restructured by the same change`;
    if (succ && succ.status !== 'ACTIVE')
      return `successor ${succ.name} is ${succ.status.toLowerCase()}${succ.successorId ? `: use its successor ${units.get(succ.successorId)?.name ?? succ.successorId}` : ''}`;
    if (succ?.validFrom && req.effectiveDate < succ.validFrom)
      return `successor ${succ.name} does not exist yet on ${req.effectiveDate} (valid from ${succ.validFrom})`;
  }
  const shape = shapeProblem(req, units, created);
  if (shape) return shape;
  for (const n of req.newUnits) {
    if (n.parentId === null) continue;
    if (predecessors.has(n.parentId))
      return `new unit ${n.id} cannot sit under ${units.get(n.parentId)?.name}, which is restructured`;
    const parent = units.get(n.parentId);
    if (!parent && !created.has(n.parentId)) return `unknown parent ${n.parentId} of new unit ${n.id}`;
    if (parent && parent.status !== 'ACTIVE')
      return `new unit ${n.id} cannot sit under ${parent.name}, which is ${parent.status.toLowerCase()}`;
  }
  for (const item of req.items) {
    if (!units.has(item.successorId) && !created.has(item.successorId))
      return `unknown successor ${item.successorId} for ${item.kind.toLowerCase()} ${item.id}`;
    if (predecessors.has(item.successorId))
      return `${item.kind.toLowerCase()} ${item.id} cannot go to ${item.successorId}, which is restructured`;
    const succ = units.get(item.successorId);
    if (succ && succ.status !== 'ACTIVE')
      return `${item.kind.toLowerCase()} ${item.id} cannot go to ${succ.name}, which is ${succ.status.toLowerCase()}`;
  }
  const cycle = cycleAfter(req, units, planOrgChange(req, units));
  return cycle
    ? `the change would make a cycle in the unit tree: ${cycle.map((id) => units.get(id)?.name ?? created.get(id)?.name ?? id).join(' → ')}`
    : null;
}

function shapeProblem(
  req: OrgChangeRequest,
  units: ReadonlyMap<string, UnitFact>,
  created: Map<string, NewOrgUnit>,
): string | null {
  const successors = new Set(req.units.map((u) => u.successorId));
  switch (req.kind) {
    case 'MERGE':
      if (successors.size !== 1) return 'a merger has one successor for all its units';
      if (req.items.length)
        return 'a merger carries all open work to its successor: items are for a split or an abolished level';
      return null;
    case 'RENAME': {
      const [only] = req.units;
      if (req.units.length !== 1) return 'a renaming names exactly one unit';
      if (!created.has(only.successorId))
        return 'a renaming takes effect as a new unit row: describe it in newUnits and name it as the successor';
      const unit = units.get(only.unitId) as UnitFact;
      const next = created.get(only.successorId) as NewOrgUnit;
      if (next.kind !== unit.kind) return `a renaming keeps the kind (${unit.kind}); use a merger to change it`;
      if (req.items.length)
        return 'a renaming keeps all the work together: items are for a split or an abolished level';
      return null;
    }
    case 'SPLIT':
      if (req.units.length !== 1)
        return 'a split names exactly one unit (its default successor takes what items do not map)';
      if (!req.items.some((i) => i.successorId !== req.units[0].successorId) && req.newUnits.length === 0)
        return 'a split needs items that send work to a second unit, or a new unit';
      return null;
    case 'ABOLISH_LEVEL': {
      const kinds = new Set(req.units.map((u) => units.get(u.unitId)?.kind));
      if (kinds.size !== 1) return 'an abolished level names units of one kind (e.g. every district committee)';
      return null;
    }
  }
}

/** What the change does to the tree (call after `orgChangeProblem` found nothing). */
export function planOrgChange(req: OrgChangeRequest, units: ReadonlyMap<string, UnitFact>): OrgChangePlan {
  const unitMap: Record<string, string> = {};
  for (const u of req.units) unitMap[u.unitId] = u.successorId;
  const reparent: OrgChangePlan['reparent'] = [];
  for (const child of units.values()) {
    if (child.status !== 'ACTIVE' || !child.parentId || !(child.parentId in unitMap) || child.id in unitMap) continue;
    const pred = units.get(child.parentId) as UnitFact;
    // An abolished level hands its units to the level above; otherwise the successor takes them,
    // unless the child is the successor itself, which takes its old parent's place.
    const to = req.kind === 'ABOLISH_LEVEL' || unitMap[pred.id] === child.id ? pred.parentId : unitMap[pred.id];
    reparent.push({ unitId: child.id, parentId: to });
  }
  return { unitMap, predecessorStatus: PREDECESSOR_STATUS[req.kind], validTo: dayBefore(req.effectiveDate), reparent };
}

/** A cycle through parent and successor links once the plan applied, as unit ids, or null. */
function cycleAfter(req: OrgChangeRequest, units: ReadonlyMap<string, UnitFact>, plan: OrgChangePlan): string[] | null {
  const next = new Map<string, string[]>();
  for (const u of units.values())
    next.set(
      u.id,
      [u.parentId, u.successorId].filter((x): x is string => !!x),
    );
  for (const n of req.newUnits) next.set(n.id, n.parentId ? [n.parentId] : []);
  for (const r of plan.reparent)
    next.set(
      r.unitId,
      [r.parentId, units.get(r.unitId)?.successorId].filter((x): x is string => !!x),
    );
  for (const [pred, succ] of Object.entries(plan.unitMap)) next.get(pred)?.push(succ);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const to of next.get(id) ?? []) {
      const found = visit(to);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of next.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
