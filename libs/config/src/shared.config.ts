import { AllowedNetworks, NO_ALLOWED_NETWORKS, parseAllowedNetworks } from '@app/notifications/webhook-address-policy';
import { hostPort, int, oneOf, str, url, VarSpec } from './env';

/** Variables every process shares: where Postgres, Redis and Temporal are. */
export const sharedConfigSpec = {
  NODE_ENV: oneOf('runtime mode', ['development', 'test', 'production'] as const, 'development'),
  LOG_LEVEL: oneOf('log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  DATABASE_URL: url(
    'Postgres connection URL',
    ['postgres', 'postgresql'],
    'postgres://postgres@127.0.0.1:5432/action_programmes',
  ),
  REDIS_URL: url('Redis connection URL', ['redis', 'rediss'], 'redis://127.0.0.1:6379'),
  QUEUE_PREFIX: str('BullMQ key prefix, to keep stacks apart on one Redis', 'ap'),
  TEMPORAL_ADDRESS: hostPort('Temporal frontend host:port', '127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: str('Temporal namespace', 'default'),
  TEMPORAL_TASK_QUEUE: str('Temporal task queue for programme workflows', 'action-programmes'),
  STARTUP_TIMEOUT_MS: int('how long to wait for a dependency at start-up', 15000, 100, 600000),
  // Read by the API when an admin sets a webhook and by the notifier at every send.
  WEBHOOK_ALLOWED_NETWORKS: {
    describe: 'comma-separated CIDR networks webhooks may reach although private or loopback (default: none)',
    default: NO_ALLOWED_NETWORKS,
    parse: parseAllowedNetworks,
  } as VarSpec<AllowedNetworks>,
};
