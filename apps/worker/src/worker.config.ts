import { int, loadConfig, sharedConfigSpec, str } from '@app/config';

export const workerConfigSpec = {
  ...sharedConfigSpec,
  WORKFLOW_BUNDLE_PATH: str('pre-built workflow bundle; empty to bundle from source at start-up', ''),
  WORKER_MAX_CONCURRENT_ACTIVITIES: int('activities run at once', 20, 1, 1000),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(workerConfigSpec, env);
