import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, OrgTree, OrgUnitKind, Role } from '@app/domain';
import type { Principal } from '../auth/principal';

/**
 * What a caller may see. Supervisors (head, Standing Committee, inspectors) see their committee's
 * unit subtree; a department head sees their department; an administrator sees everything; anyone
 * else sees only what is theirs (tasks they are responsible for).
 */
export type SupervisionScope =
  | { kind: 'ALL'; unitIds: null; committee: { id: string; name: string } | null }
  | { kind: 'UNITS'; unitIds: string[]; committee: { id: string; name: string } }
  | { kind: 'SELF'; personId: string; committee: null };

/** Units that are a committee in their own right: a standing committee or board works for its parent. */
const COMMITTEE_KINDS: readonly string[] = [
  OrgUnitKind.PROVINCIAL_COMMITTEE,
  OrgUnitKind.DISTRICT_COMMITTEE,
  OrgUnitKind.GRASSROOTS_ORGANISATION,
];
const WORKS_FOR_PARENT: readonly string[] = [
  OrgUnitKind.STANDING_COMMITTEE,
  OrgUnitKind.INSPECTION_COMMISSION,
  OrgUnitKind.ADVISORY_BOARD,
];

interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
}

@Injectable()
export class SupervisionScopeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async units(): Promise<{ tree: OrgTree; byId: Map<string, UnitRow> }> {
    const rows: UnitRow[] = await this.dataSource.query('SELECT id, parent_id AS "parentId", kind, name FROM org_unit');
    return { tree: new OrgTree(rows), byId: new Map(rows.map((r) => [r.id, r])) };
  }

  /** The scope of `principal`, narrowed to `committeeId` (which must lie inside it) when given. */
  async resolve(principal: Principal, committeeId?: string): Promise<SupervisionScope> {
    return this.scopeIn(await this.units(), principal, committeeId);
  }

  private scopeIn(
    { tree, byId }: { tree: OrgTree; byId: Map<string, UnitRow> },
    principal: Principal,
    committeeId?: string,
  ): SupervisionScope {
    const unitOf = (id: string) => {
      const u = byId.get(id);
      if (!u) throw new NotFoundException(`unknown unit ${id}`);
      return { id: u.id, name: u.name };
    };
    if (hasRole(principal, Role.ADMIN)) {
      if (!committeeId) return { kind: 'ALL', unitIds: null, committee: null };
      return { kind: 'UNITS', unitIds: tree.subtreeOf(unitOf(committeeId).id), committee: unitOf(committeeId) };
    }
    const root = this.rootOf(principal, tree, byId);
    if (!root) {
      if (committeeId)
        throw new ForbiddenException('you see only your own tasks; ask a supervisor for a committee overview');
      return { kind: 'SELF', personId: principal.personId, committee: null };
    }
    const target = committeeId ? unitOf(committeeId).id : root;
    if (!tree.isWithin(target, root))
      throw new ForbiddenException(
        `unit ${committeeId} is outside what you supervise (${byId.get(root)?.name ?? root})`,
      );
    return { kind: 'UNITS', unitIds: tree.subtreeOf(target), committee: unitOf(target) };
  }

  /**
   * Issuing units whose programmes the caller may read, or null for all (an administrator): the
   * committees above the caller's unit (their programmes are addressed to it) and every unit the
   * caller supervises. A district of one province therefore sees nothing of another.
   */
  async programmeIssuersVisibleTo(principal: Principal): Promise<string[] | null> {
    const units = await this.units();
    const scope = this.scopeIn(units, principal);
    if (scope.kind === 'ALL') return null;
    const above = units.tree.ancestorsOf(principal.unitId);
    return [...new Set([...above, ...(scope.kind === 'UNITS' ? scope.unitIds : [])])];
  }

  /** The units the caller may ask an overview of (their scope's subtree), root first then by name. */
  async unitsInScope(
    principal: Principal,
  ): Promise<Array<{ id: string; name: string; kind: string; parentId: string | null }>> {
    const units = await this.units();
    const scope = this.scopeIn(units, principal);
    const { byId } = units;
    const ids = scope.kind === 'ALL' ? [...byId.keys()] : scope.kind === 'UNITS' ? scope.unitIds : [];
    const rootId = scope.committee?.id;
    return ids
      .map((id) => byId.get(id) as UnitRow)
      .sort((a, b) => Number(b.id === rootId) - Number(a.id === rootId) || a.name.localeCompare(b.name, 'vi'))
      .map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId }));
  }

  /** The unit whose subtree a supervisor sees, or null for someone who supervises nothing. */
  private rootOf(principal: Principal, tree: OrgTree, byId: Map<string, UnitRow>): string | null {
    const own = byId.get(principal.unitId);
    if (!own) return null;
    const committee =
      tree.ancestorsOf(own.id).find((id) => COMMITTEE_KINDS.includes(byId.get(id)?.kind ?? '')) ?? own.id;
    // Advisory staff prepare the committee's reviews and reports, so they see what it supervises.
    if (hasRole(principal, Role.STANDING_COMMITTEE, Role.INSPECTOR, Role.ADVISORY_STAFF)) return committee;
    if (hasRole(principal, Role.HEAD)) return WORKS_FOR_PARENT.includes(own.kind) ? committee : own.id;
    return null;
  }
}
