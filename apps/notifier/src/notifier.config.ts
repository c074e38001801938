import { int, loadConfig, sharedConfigSpec } from '@app/config';

export const notifierConfigSpec = {
  ...sharedConfigSpec,
  NOTIFIER_CONCURRENCY: int('notification jobs processed at once', 10, 1, 500),
};

export type NotifierConfig = ReturnType<typeof loadNotifierConfig>;
export const loadNotifierConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(notifierConfigSpec, env);
