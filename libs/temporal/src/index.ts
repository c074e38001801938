export { TemporalModule, TEMPORAL_OPTIONS, connectTemporal, temporalIsHealthy } from './temporal.module';
export type { TemporalOptions } from './temporal.module';
export { programmeWorkflowId, programmeIdFromWorkflowId, taskWorkflowId, breakthroughWorkflowId } from './workflow-ids';
export * as searchAttributes from './search-attributes';
