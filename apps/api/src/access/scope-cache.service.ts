import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Scope, UnitRow, UnitScopes } from './scope';
import { contentReader } from './secrecy';

/** Scopes kept per unit-tree version: enough for every supervisor asking at once, then started afresh. */
const MAX_SCOPES = 1_000;

/**
 * What a caller supervises (the same answer as `AccessService.scope`), for the read paths that ask on
 * every request: the unit tree (thousands of rows at national scale) and the scopes drawn from it are
 * kept in memory while `org_unit_version` holds the same number. A trigger gives that row a new number
 * in the transaction of every change to `org_unit`, so a request that starts after a restructuring or
 * an import has committed reads the new tree, in every API replica.
 */
@Injectable()
export class ScopeCacheService {
  private tree: { version: string; units: UnitScopes } | null = null;
  private readonly scopes = new Map<string, Scope>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What the caller supervises, narrowed to `committeeId` (403 outside it, 404 unknown). */
  async scope(principal: Principal, committeeId?: string): Promise<Scope> {
    const { version, units } = await this.unitScopes();
    const key = JSON.stringify([version, principal.personId, principal.unitId, principal.roles, committeeId ?? null]);
    const known = version === null ? undefined : this.scopes.get(key);
    if (known) return known;
    const scope: Scope = { ...units.scopeOf(principal, committeeId), reader: contentReader(principal, units) };
    if (version !== null) {
      if (this.scopes.size >= MAX_SCOPES) this.scopes.clear();
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /**
   * The unit tree as it stands now. The version is read before the tree, so a tree kept under a version
   * is never older than it; without the version row (never expected) the tree is read every time.
   */
  private async unitScopes(): Promise<{ version: string | null; units: UnitScopes }> {
    const [row]: Array<{ version: string }> = await this.dataSource.query(
      'SELECT version FROM org_unit_version WHERE id = 1',
    );
    const version = row ? String(row.version) : null;
    if (version !== null && this.tree?.version === version) return this.tree;
    const rows: UnitRow[] = await this.dataSource.query(
      'SELECT id, parent_id AS "parentId", kind, name, successor_id AS "successorId" FROM org_unit',
    );
    const units = new UnitScopes(rows);
    if (version !== null) {
      this.tree = { version, units };
      this.scopes.clear();
    }
    return { version, units };
  }
}
