import { ForbiddenException, NotFoundException } from '@nestjs/common';
import {
  COMMITTEE_KINDS as COMMITTEE_KIND_LIST,
  hasRole,
  levelOf,
  OrgTree,
  OrgUnitKind,
  ResolutionLevel,
  Role,
} from '@app/domain';
import type { Principal } from '../auth/principal';
import type { ContentReader } from './secrecy';

/**
 * What a caller may see. Supervisors (head, Standing Committee, inspectors) see their committee's
 * unit subtree; a department head sees their department; a system administrator sees everything, a
 * provincial administrator their province (the tree of their own unit's root); anyone else sees only
 * what is theirs (tasks they are responsible for).
 */
export type Scope = (
  | { kind: 'ALL'; unitIds: null; committee: { id: string; name: string } | null }
  | { kind: 'UNITS'; unitIds: string[]; committee: { id: string; name: string } }
  | { kind: 'SELF'; personId: string; committee: null }
) & {
  /** Who reads, for the secret tier (`secrecy`): without it every restricted programme's content is withheld. */
  reader?: ContentReader;
};

/** The part of a scope that filters rows: everything, the rows of some units, or a person's own. */
export type RowScope = { kind: 'ALL' } | { kind: 'UNITS'; unitIds: string[] } | { kind: 'SELF'; personId: string };

/** A scope in which the caller supervises something (everything or a subtree). */
export type SupervisorScope = Extract<Scope, { kind: 'ALL' | 'UNITS' }>;

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  /** The unit that took over this one's work in a restructuring (merged, renamed, split, abolished). */
  successorId?: string | null;
}

/** What a restructuring names, for the province check: the units it ends, their successors, new units' parents. */
export interface RestructuringUnits {
  predecessorIds: string[];
  successorIds: string[];
  newParentIds: string[];
}

/**
 * Units that are a committee in their own right (provincial, district, commune-level, agencies' and
 * People's Committee's Party committees, grassroots organisations: `UNIT_KINDS`); a standing committee
 * or board works for its parent.
 */
const COMMITTEE_KINDS: readonly string[] = COMMITTEE_KIND_LIST;

/** What an administrator manages: everything (system admin) or one province (provincial admin). */
export type AdminReach = { kind: 'ALL' } | { kind: 'PROVINCE'; provinceId: string; provinceName: string };
const WORKS_FOR_PARENT: readonly string[] = [
  OrgUnitKind.STANDING_COMMITTEE,
  OrgUnitKind.INSPECTION_COMMISSION,
  OrgUnitKind.ADVISORY_BOARD,
];

/** The unit tree, and what each principal may see in it. No I/O: built from the `org_unit` rows. */
export class UnitScopes {
  private readonly tree: OrgTree;
  private readonly byId: Map<string, UnitRow>;

  constructor(rows: UnitRow[]) {
    // A restructured unit counts as part of its successor: who supervises the successor supervises
    // the predecessor's work too, the closed work whose rows keep naming it included.
    this.tree = new OrgTree(rows.map((r) => ({ id: r.id, parentId: r.successorId ?? r.parentId })));
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }

  /** The scope of `principal`, narrowed to `committeeId` (which must lie inside it) when given. */
  scopeOf(principal: Principal, committeeId?: string): Scope {
    if (hasRole(principal, Role.SYSTEM_ADMIN)) {
      if (!committeeId) return { kind: 'ALL', unitIds: null, committee: null };
      const committee = this.unit(committeeId);
      return { kind: 'UNITS', unitIds: this.tree.subtreeOf(committee.id), committee };
    }
    const root = this.rootOf(principal);
    if (!root) {
      if (committeeId)
        throw new ForbiddenException('you see only your own tasks; ask a supervisor for a committee overview');
      return { kind: 'SELF', personId: principal.personId, committee: null };
    }
    const target = committeeId ? this.unit(committeeId).id : root;
    if (!this.tree.isWithin(target, root))
      throw new ForbiddenException(
        `unit ${committeeId} is outside what you supervise (${this.byId.get(root)?.name ?? root})`,
      );
    return { kind: 'UNITS', unitIds: this.tree.subtreeOf(target), committee: this.unit(target) };
  }

  /**
   * The programmes the caller may open in the programme API, by issuing unit: the committees above
   * the caller's unit (their programmes are addressed to it) and every unit the caller supervises. A
   * district of one province therefore sees nothing of another.
   */
  programmeReaders(principal: Principal): RowScope {
    const scope = this.scopeOf(principal);
    if (scope.kind === 'ALL') return { kind: 'ALL' };
    const above = this.tree.ancestorsOf(principal.unitId);
    return { kind: 'UNITS', unitIds: [...new Set([...above, ...(scope.kind === 'UNITS' ? scope.unitIds : [])])] };
  }

  /** Whether the caller may open a programme issued by (or a cycle of) `unitId`: the in-memory twin of `programmeReaders`. */
  readsProgrammesOf(principal: Principal, unitId: string): boolean {
    const readers = this.programmeReaders(principal);
    return readers.kind === 'ALL' || (readers.kind === 'UNITS' && readers.unitIds.includes(unitId));
  }

  /** The committee a unit belongs to (itself when it is one): the nearest committee at or above it. */
  committeeOf(unitId: string): string {
    return (
      this.tree.ancestorsOf(unitId).find((id) => COMMITTEE_KINDS.includes(this.byId.get(id)?.kind ?? '')) ?? unitId
    );
  }

  /** The units that belong to the same committee as `unitId` (not those of committees below it). */
  unitsOfCommittee(unitId: string): string[] {
    const committee = this.committeeOf(unitId);
    return this.tree.subtreeOf(committee).filter((id) => this.committeeOf(id) === committee);
  }

  /** `rootId` and every unit below it (restructured units below their successors). */
  subtreeOf(rootId: string): string[] {
    return this.tree.subtreeOf(rootId);
  }

  /**
   * Who a committee's own breakthrough cycle invites to register: its own units and the committees
   * right below it (which register as organisations). The units inside a committee below are that
   * committee's to invite, in its own cycle.
   */
  cycleInviteesOf(committeeId: string): string[] {
    const parentCommittee = (id: string) => {
      const parent = this.byId.get(id)?.parentId;
      return parent ? this.committeeOf(parent) : null;
    };
    return this.tree
      .subtreeOf(committeeId)
      .filter(
        (id) =>
          id !== committeeId &&
          (this.committeeOf(id) === committeeId ||
            (this.committeeOf(id) === id && parentCommittee(id) === committeeId)),
      );
  }

  /** The committee of `unitId` and every unit below it. */
  committeeTreeOf(unitId: string): string[] {
    return this.tree.subtreeOf(this.committeeOf(unitId));
  }

  /**
   * Where each kind of authority the caller holds reaches, as the root of a subtree: the Standing
   * Committee, inspectors and advisory staff act for their committee; a head for their unit (or, heading
   * a body that works for its committee, for the committee). Null where the caller holds no such role.
   */
  authorityRoots(principal: Principal): { committee: string | null; head: string | null } {
    const own = this.byId.get(principal.unitId);
    if (!own) return { committee: null, head: null };
    const committee = this.committeeOf(own.id);
    return {
      committee: hasRole(principal, Role.STANDING_COMMITTEE, Role.INSPECTOR, Role.ADVISORY_STAFF) ? committee : null,
      head: hasRole(principal, Role.HEAD) ? (WORKS_FOR_PARENT.includes(own.kind) ? committee : own.id) : null,
    };
  }

  /**
   * Whether `unitId` is a body subordinate to `committeeId`'s committee: below it, and not one of the
   * bodies that work for it (its standing committee, inspection commission, advisory boards).
   */
  isSubordinateBody(unitId: string, committeeId: string): boolean {
    const unit = this.byId.get(unitId);
    return (
      !!unit &&
      unitId !== committeeId &&
      this.tree.isWithin(unitId, committeeId) &&
      !WORKS_FOR_PARENT.includes(unit.kind)
    );
  }

  has(unitId: string): boolean {
    return this.byId.has(unitId);
  }

  /** The province a unit belongs to: the root of its tree (a top-level unit is its own province). */
  provinceOf(unitId: string): string {
    const chain = this.tree.ancestorsOf(unitId);
    return chain[chain.length - 1] ?? unitId;
  }

  /** The registry level of what `unitId` issues: PROVINCIAL for the province's own committee, COMMUNE below it. */
  levelOf(unitId: string): ResolutionLevel {
    return levelOf({ unitId }, { committeeId: this.committeeOf(unitId), provinceId: this.provinceOf(unitId) });
  }

  /**
   * Why the caller may not make a restructuring naming these units, or null. A system admin may make
   * any; a provincial admin only inside their own province, and never one that ends a province (a
   * merger of provinces is the system admin's). Unknown units are the domain rules' to name.
   */
  restructuringProblem(principal: Principal, units: RestructuringUnits): string | null {
    if (hasRole(principal, Role.SYSTEM_ADMIN)) return null;
    if (!hasRole(principal, Role.ADMIN)) return 'only an admin restructures units';
    const province = this.provinceOf(principal.unitId);
    const provinceName = this.nameOf(province);
    for (const id of units.predecessorIds.filter((u) => this.byId.has(u))) {
      if (this.provinceOf(id) === id && this.byId.get(id)?.kind === OrgUnitKind.PROVINCIAL_COMMITTEE)
        return `${this.nameOf(id)} is a province: restructuring provinces needs the SYSTEM_ADMIN role`;
      if (this.provinceOf(id) !== province)
        return `unit ${this.nameOf(id)} lies outside your province (${provinceName})`;
    }
    for (const id of units.successorIds.filter((u) => this.byId.has(u)))
      if (this.provinceOf(id) !== province)
        return `successor ${this.nameOf(id)} lies outside your province (${provinceName})`;
    for (const id of units.newParentIds.filter((u) => this.byId.has(u)))
      if (this.provinceOf(id) !== province)
        return `a new unit under ${this.nameOf(id)} lies outside your province (${provinceName})`;
    return null;
  }

  /** Whether `unitId` lies in the subtree of `rootId` (false for unknown units). */
  isWithin(unitId: string, rootId: string): boolean {
    return this.byId.has(unitId) && this.tree.isWithin(unitId, rootId);
  }

  /** A unit's name, for readable refusals (the id when unknown). */
  nameOf(unitId: string): string {
    return this.byId.get(unitId)?.name ?? unitId;
  }

  /** The units the caller may ask an overview of (their scope's subtree), root first then by name. */
  unitsInScope(principal: Principal): Array<{ id: string; name: string; kind: string; parentId: string | null }> {
    const scope = this.scopeOf(principal);
    const ids = scope.kind === 'ALL' ? [...this.byId.keys()] : scope.kind === 'UNITS' ? scope.unitIds : [];
    const rootId = scope.committee?.id;
    return ids
      .map((id) => this.byId.get(id) as UnitRow)
      .sort((a, b) => Number(b.id === rootId) - Number(a.id === rootId) || a.name.localeCompare(b.name, 'vi'))
      .map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId }));
  }

  private unit(id: string): { id: string; name: string } {
    const u = this.byId.get(id);
    if (!u) throw new NotFoundException(`unknown unit ${id}`);
    return { id: u.id, name: u.name };
  }

  /** What `principal` administers, or null for someone who is no administrator. */
  adminReachOf(principal: Principal): AdminReach | null {
    if (hasRole(principal, Role.SYSTEM_ADMIN)) return { kind: 'ALL' };
    if (!hasRole(principal, Role.ADMIN) || !this.byId.has(principal.unitId)) return null;
    const provinceId = this.provinceOf(principal.unitId);
    return { kind: 'PROVINCE', provinceId, provinceName: this.nameOf(provinceId) };
  }

  /** Whether an administrator with `reach` manages `unitId` (false for unknown units). */
  inAdminReach(reach: AdminReach, unitId: string): boolean {
    return this.byId.has(unitId) && (reach.kind === 'ALL' || this.tree.isWithin(unitId, reach.provinceId));
  }

  /** Every unit an administrator with `reach` manages. */
  unitsInAdminReach(reach: AdminReach): string[] {
    return reach.kind === 'ALL' ? [...this.byId.keys()] : this.tree.subtreeOf(reach.provinceId);
  }

  /** The unit whose subtree a supervisor sees, or null for someone who supervises nothing. */
  private rootOf(principal: Principal): string | null {
    // Advisory staff prepare the committee's reviews and reports, so they see what it supervises.
    const { committee, head } = this.authorityRoots(principal);
    // A provincial administrator sees their province as its supervisors do (but acts on nothing in it).
    if (hasRole(principal, Role.ADMIN) && this.byId.has(principal.unitId)) return this.provinceOf(principal.unitId);
    return committee ?? head;
  }
}
