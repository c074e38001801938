export {
  TemporalModule,
  TEMPORAL_OPTIONS,
  TEMPORAL_CONNECTION_OPTIONS,
  connectTemporal,
  temporalIsHealthy,
} from './temporal.module';
export type { TemporalOptions } from './temporal.module';
export { buildTemporalConnectionOptions } from './connection-options';
export type { TemporalConnectionConfig, TemporalConnectionOptions } from './connection-options';
export { programmeWorkflowId, programmeIdFromWorkflowId, taskWorkflowId, breakthroughWorkflowId } from './workflow-ids';
export * as searchAttributes from './search-attributes';
