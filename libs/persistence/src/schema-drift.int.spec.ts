import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source';

/**
 * TypeORM (0.3.31) reads every table's columns at once on the schema builder's single connection
 * (array columns cost one more query each), and pg deprecates a second query on a client that is
 * still running one. Queued one after another the statements read the same schema.
 */
function oneStatementAtATime(ds: DataSource): void {
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode) => {
    const runner: QueryRunner = create(mode);
    const query = runner.query.bind(runner);
    let previous: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<typeof query>) => {
      const result = previous.then(() => query(...args));
      previous = result.catch(() => undefined);
      return result;
    }) as typeof runner.query;
    return runner;
  };
}

/** The entities and the migrations must describe the same schema: otherwise a migration is missing. */
describe('schema drift', () => {
  it('migrations leave nothing for migration:generate to add', async () => {
    const ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL as string));
    await ds.initialize();
    oneStatementAtATime(ds);
    try {
      expect(await ds.showMigrations()).toBe(false); // global setup applied them all
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
