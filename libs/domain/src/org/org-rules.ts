import { OrgUnitKind } from './org-unit';
import { Role } from './roles';
import { isUnitKind, TWO_LEVEL_SYSTEM_FROM, UNIT_KINDS } from './unit-kinds';

/**
 * The pure rules of the organisation as administered data: the unit tree (kinds, parents, validity,
 * no cycles) and positions (dates, roles, single-holder seats). Each answers the problems it finds, as
 * sentences naming what is wrong; the API answers them with 400 and changes nothing.
 * Dates are calendar days `YYYY-MM-DD`, inclusive at both ends; null `from` = before records began,
 * null `to` = still valid.
 */

/** Roles an account holds whatever its positions: administration is not a post in a unit. */
export const ACCOUNT_ROLES: readonly Role[] = [Role.ADMIN, Role.SYSTEM_ADMIN];
/** Roles a position may grant. */
export const POSITION_ROLES: readonly Role[] = Object.values(Role).filter((r) => !ACCOUNT_ROLES.includes(r));

/** Single-holder seats of a unit: two people may not hold one on overlapping dates. */
export enum Seat {
  /** Bí thư / người đứng đầu. */
  HEAD = 'HEAD',
  /** Phó Bí thư Thường trực. */
  STANDING_DEPUTY = 'STANDING_DEPUTY',
  /** Chủ nhiệm (Ủy ban Kiểm tra), Trưởng ban, Chánh Văn phòng. */
  CHAIR = 'CHAIR',
}
export const ALL_SEATS: readonly Seat[] = Object.values(Seat);
export const SEAT_LABEL_VI: Readonly<Record<Seat, string>> = {
  [Seat.HEAD]: 'Bí thư, người đứng đầu',
  [Seat.STANDING_DEPUTY]: 'Phó Bí thư Thường trực',
  [Seat.CHAIR]: 'Chủ nhiệm, Trưởng ban, Chánh Văn phòng',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Whether two inclusive date ranges share a day (null ends are open). */
export function periodsOverlap(
  a: { from: string | null; to: string | null },
  b: { from: string | null; to: string | null },
): boolean {
  const startsBeforeEnd = (x: { from: string | null }, y: { to: string | null }) =>
    x.from === null || y.to === null || x.from <= y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** Whether `inner` lies within `outer` (inclusive; null ends open). */
export function periodWithin(
  inner: { from: string | null; to: string | null },
  outer: { from: string | null; to: string | null },
): boolean {
  const startOk = outer.from === null || (inner.from !== null && inner.from >= outer.from);
  const endOk = outer.to === null || (inner.to !== null && inner.to <= outer.to);
  return startOk && endOk;
}

const period = (from: string | null, to: string | null) => `${from ?? '…'} – ${to ?? 'nay'}`;

export interface UnitFacts {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Problems of a unit's own dates and kind (kind of parent and parent's dates: `unitPlacementProblems`). */
export function unitProblems(unit: Pick<UnitFacts, 'kind' | 'validFrom' | 'validTo'>): string[] {
  const problems: string[] = [];
  if (!isUnitKind(unit.kind)) problems.push(`unknown unit kind ${unit.kind}`);
  for (const [name, value] of [
    ['validFrom', unit.validFrom],
    ['validTo', unit.validTo],
  ] as const)
    if (value !== null && !isIsoDate(value)) problems.push(`${name} ${value} is not a date (YYYY-MM-DD)`);
  if (problems.length) return problems;
  if (unit.validFrom !== null && unit.validTo !== null && unit.validTo < unit.validFrom)
    problems.push(`validTo ${unit.validTo} is before validFrom ${unit.validFrom}`);
  if (
    UNIT_KINDS[unit.kind as OrgUnitKind].historical &&
    (unit.validFrom === null || unit.validFrom >= TWO_LEVEL_SYSTEM_FROM)
  )
    problems.push(
      `a ${unit.kind} unit belongs to the district level abolished on ${TWO_LEVEL_SYSTEM_FROM}: it must start before that day (validFrom)`,
    );
  return problems;
}

/**
 * Where a unit may sit: its parent's kind must fit its own (a province is a root), the parent must be
 * valid on all the unit's dates, and the parent must not lie below the unit (a cycle). `parentOf`
 * answers the current tree; the path named in a cycle runs from the unit down to the proposed parent.
 */
export function unitPlacementProblems(
  unit: UnitFacts,
  parent: UnitFacts | null,
  parentOf: (id: string) => string | null | undefined,
): string[] {
  const problems: string[] = [];
  const info = isUnitKind(unit.kind) ? UNIT_KINDS[unit.kind] : null;
  if (info && !info.parents.includes(parent && isUnitKind(parent.kind) ? parent.kind : null)) {
    const allowed = info.parents.map((k) => k ?? 'none (a province)').join(', ');
    problems.push(
      parent
        ? `a ${unit.kind} may not sit under ${parent.name} (${parent.kind}); its parent must be one of: ${allowed}`
        : `a ${unit.kind} needs a parent unit, one of: ${allowed}`,
    );
  }
  if (!parent) return problems;
  const cycle = cycleThrough(unit.id, parent.id, parentOf);
  if (cycle) problems.push(`moving ${unit.id} under ${parent.id} makes a cycle: ${[...cycle, unit.id].join(' → ')}`);
  const own = { from: unit.validFrom, to: unit.validTo };
  if (!periodWithin(own, { from: parent.validFrom, to: parent.validTo }))
    problems.push(
      `the parent ${parent.name} is valid ${period(parent.validFrom, parent.validTo)}, not on all the dates of ${unit.name} (${period(unit.validFrom, unit.validTo)})`,
    );
  return problems;
}

/**
 * The chain from `unitId` down to `newParentId` when `newParentId` lies at or below `unitId` (the
 * parent change would close a loop), else null.
 */
export function cycleThrough(
  unitId: string,
  newParentId: string,
  parentOf: (id: string) => string | null | undefined,
): string[] | null {
  const upward: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null | undefined = newParentId; id && !seen.has(id); id = parentOf(id)) {
    seen.add(id);
    upward.push(id);
    if (id === unitId) return upward.reverse();
  }
  return null;
}

export interface PositionFacts {
  id: string;
  personId: string;
  unitId: string;
  title: string;
  roles: readonly string[];
  seat: string | null;
  fields: readonly string[];
  startsOn: string;
  endsOn: string | null;
}

/** Problems of a position on its own and against its unit's dates. */
export function positionProblems(
  p: Omit<PositionFacts, 'id' | 'personId'>,
  unit: Pick<UnitFacts, 'name' | 'validFrom' | 'validTo'>,
): string[] {
  const problems: string[] = [];
  if (!p.title.trim()) problems.push('title must not be empty');
  for (const role of p.roles)
    if (!(POSITION_ROLES as readonly string[]).includes(role))
      problems.push(
        (ACCOUNT_ROLES as readonly string[]).includes(role)
          ? `${role} belongs to an account, not to a position`
          : `unknown role ${role}`,
      );
  if (p.seat !== null && !(ALL_SEATS as readonly string[]).includes(p.seat)) problems.push(`unknown seat ${p.seat}`);
  if (!isIsoDate(p.startsOn)) problems.push(`startsOn ${p.startsOn} is not a date (YYYY-MM-DD)`);
  if (p.endsOn !== null && !isIsoDate(p.endsOn)) problems.push(`endsOn ${p.endsOn} is not a date (YYYY-MM-DD)`);
  if (problems.length) return problems;
  if (p.endsOn !== null && p.endsOn < p.startsOn) problems.push(`endsOn ${p.endsOn} is before startsOn ${p.startsOn}`);
  else if (!periodWithin({ from: p.startsOn, to: p.endsOn }, { from: unit.validFrom, to: unit.validTo }))
    problems.push(
      `${unit.name} is valid ${period(unit.validFrom, unit.validTo)}: a position there cannot run ${period(p.startsOn, p.endsOn)}`,
    );
  return problems;
}

/** The holder of the same seat of the same unit on overlapping dates, if any (another position). */
export function seatConflict<T extends PositionFacts>(p: PositionFacts, others: readonly T[]): T | null {
  if (p.seat === null) return null;
  return (
    others.find(
      (o) =>
        o.id !== p.id &&
        o.unitId === p.unitId &&
        o.seat === p.seat &&
        periodsOverlap({ from: p.startsOn, to: p.endsOn }, { from: o.startsOn, to: o.endsOn }),
    ) ?? null
  );
}

/** Whether a position is held on `day`. */
export function heldOn(p: Pick<PositionFacts, 'startsOn' | 'endsOn'>, day: string): boolean {
  return p.startsOn <= day && (p.endsOn === null || p.endsOn >= day);
}

export interface Assignment {
  unitId: string;
  title: string;
  roles: Role[];
  fields: string[];
}

/**
 * What a person's record says on `day` (their unit, title, roles and fields, which sign-in and scoping
 * read), from their positions: the main position is the current one held longest (earliest start, then
 * id); roles and fields are those of every current position in that same unit, plus the account's own
 * roles (ADMIN, SYSTEM_ADMIN). With no current position the person keeps the unit of their latest
 * position and only the account's roles. Null for someone who never held a position (their record is
 * left as it is).
 */
export function assignmentOn(
  positions: readonly PositionFacts[],
  day: string,
  accountRoles: readonly string[],
): Assignment | null {
  if (positions.length === 0) return null;
  const byStart = [...positions].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
  const current = byStart.filter((p) => heldOn(p, day));
  const account = ACCOUNT_ROLES.filter((r) => accountRoles.includes(r));
  if (current.length === 0) {
    const past = byStart.filter((p) => p.startsOn <= day);
    const latest = (past.length ? past : byStart).reduce((a, b) => ((b.endsOn ?? '') >= (a.endsOn ?? '') ? b : a));
    return { unitId: latest.unitId, title: latest.title, roles: account, fields: [] };
  }
  const main = current[0];
  const here = current.filter((p) => p.unitId === main.unitId);
  const roles = new Set<Role>(here.flatMap((p) => p.roles as Role[]));
  for (const r of account) roles.add(r);
  const orderedRoles = (Object.values(Role) as Role[]).filter((r) => roles.has(r));
  return {
    unitId: main.unitId,
    title: main.title,
    roles: orderedRoles,
    fields: [...new Set(here.flatMap((p) => p.fields))],
  };
}
