import { DataSource } from 'typeorm';
import { Role } from '@app/domain';
import { dataSourceOptions, migrate } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { ScopeCacheService } from './scope-cache.service';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_test';

describe('scopes from the unit tree kept in memory', () => {
  let ds: DataSource;
  const run = `sc${process.pid}`;
  const admin: Principal = {
    personId: `${run}-admin`,
    unitId: `${run}-root`,
    roles: [Role.SYSTEM_ADMIN],
    username: `${run}.admin`,
    fullName: 'Quản trị',
  };
  const unit = (id: string, parent: string | null) =>
    ds.query(`INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1, $1, $2, $3)`, [
      `${run}-${id}`,
      parent ? 'DEPARTMENT' : 'PROVINCIAL_COMMITTEE',
      parent ? `${run}-${parent}` : null,
    ]);
  const unitsOf = async (scopes: ScopeCacheService) => {
    const scope = await scopes.scope(admin, `${run}-root`);
    return scope.kind === 'UNITS' ? [...scope.unitIds].sort() : scope.kind;
  };

  beforeAll(async () => {
    await migrate(DATABASE_URL);
    ds = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
    await unit('root', null);
    await unit('a', 'root');
  });
  afterAll(async () => {
    await ds.query(`DELETE FROM org_unit WHERE id LIKE $1 AND parent_id IS NOT NULL`, [`${run}-%`]);
    await ds.query(`DELETE FROM org_unit WHERE id LIKE $1`, [`${run}-%`]);
    await ds.destroy();
  });

  it('answers from memory while the tree stands, and sees every committed change to it at once', async () => {
    const scopes = new ScopeCacheService(ds);
    const first = await scopes.scope(admin, `${run}-root`);
    // Nothing changed: the very same scope, drawn from the tree kept in memory.
    expect(await scopes.scope(admin, `${run}-root`)).toBe(first);
    expect(await unitsOf(scopes)).toEqual([`${run}-a`, `${run}-root`]);

    // A new unit, from another connection (another API replica, an import): seen by the next request.
    await unit('b', 'a');
    expect(await unitsOf(scopes)).toEqual([`${run}-a`, `${run}-b`, `${run}-root`]);

    // Moved out of the subtree by an update, then back in a rolled-back transaction (never seen).
    await ds.query(`UPDATE org_unit SET parent_id = NULL, kind = 'PROVINCIAL_COMMITTEE' WHERE id = $1`, [`${run}-b`]);
    expect(await unitsOf(scopes)).toEqual([`${run}-a`, `${run}-root`]);
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`UPDATE org_unit SET parent_id = $2, kind = 'DEPARTMENT' WHERE id = $1`, [
      `${run}-b`,
      `${run}-a`,
    ]);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await unitsOf(scopes)).toEqual([`${run}-a`, `${run}-root`]);

    // Deleted: gone from the scope.
    await ds.query(`DELETE FROM org_unit WHERE id = $1`, [`${run}-b`]);
    await ds.query(`DELETE FROM org_unit WHERE id = $1`, [`${run}-a`]);
    expect(await unitsOf(scopes)).toEqual([`${run}-root`]);
  });

  it('gives each caller their own scope, and refuses a committee outside it as AccessService does', async () => {
    const scopes = new ScopeCacheService(ds);
    const staff: Principal = { ...admin, personId: `${run}-staff`, roles: [Role.STAFF] };
    expect((await scopes.scope(admin)).kind).toBe('ALL');
    expect(await scopes.scope(staff)).toMatchObject({ kind: 'SELF', personId: `${run}-staff` });
    await expect(scopes.scope(admin, `${run}-nowhere`)).rejects.toThrow();
  });
});
