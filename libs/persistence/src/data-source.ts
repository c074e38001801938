import 'reflect-metadata';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** Migrations are compiled alongside the sources (ts under jest/ts-node, js under dist). */
const MIGRATIONS_GLOB = path.join(__dirname, 'migrations', '*.{ts,js}');

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migration',
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    // Schema changes are migrations only; never synchronize.
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}

/** For the TypeORM CLI (migration:generate): reads DATABASE_URL with the local default. */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes'),
);
