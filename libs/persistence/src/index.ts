export { PersistenceModule } from './persistence.module';
export { dataSourceOptions } from './data-source';
export { migrate } from './migrate';
export { ensureDatabase, recreateDatabase } from './ensure-database';
export * from './entities';
