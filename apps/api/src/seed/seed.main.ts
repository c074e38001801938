import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@app/persistence';
import { refuseInProduction, seedPeople } from './seed-people';
import { seedResolutions } from './seed-resolutions';

/** Applies migrations and seeds the demo organisation (idempotent). Never in production. */
async function main(): Promise<void> {
  refuseInProduction();
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes';
  await migrate(url, (line) => console.log(line));
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const counts = await seedPeople(ds);
    console.log(`seeded ${counts.units} units and ${counts.people} people (password for all: see README)`);
    console.log(`seeded ${await seedResolutions(ds)} new resolution registry entries`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(`seed failed: ${(err as Error).message}`);
  process.exit(1);
});
