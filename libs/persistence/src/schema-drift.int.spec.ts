import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** The entities and the migrations must describe the same schema: otherwise a migration is missing. */
describe('schema drift', () => {
  it('migrations leave nothing for migration:generate to add', async () => {
    const ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL as string));
    await ds.initialize();
    try {
      expect(await ds.showMigrations()).toBe(false); // global setup applied them all
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
