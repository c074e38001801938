import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations. */
export async function migrate(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`applied migration ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes';
  migrate(url, (line) => console.log(line))
    .then((names) => console.log(`migrations up to date (${names.length} applied now)`))
    .catch((err) => {
      console.error(`migration failed: ${(err as Error).message}`);
      process.exit(1);
    });
}
