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
  // How the api and the worker prove who they are to Temporal and check that it is Temporal: whoever
  // reaches its frontend can start, signal and update workflows as any user.
  TEMPORAL_TLS: oneOf('TLS to Temporal', ['off', 'on'] as const, 'off'),
  TEMPORAL_TLS_CA_FILE: str("PEM file of the CA that signed Temporal's certificate; empty: the system's CAs", ''),
  TEMPORAL_TLS_CERT_FILE: str('PEM client certificate for mTLS (with TEMPORAL_TLS_KEY_FILE)', ''),
  TEMPORAL_TLS_KEY_FILE: str('PEM private key of the client certificate (with TEMPORAL_TLS_CERT_FILE)', ''),
  TEMPORAL_TLS_SERVER_NAME: str(
    "name to check Temporal's certificate against; empty: the host of TEMPORAL_ADDRESS",
    '',
  ),
  TEMPORAL_API_KEY: str('API key sent to Temporal as a bearer token (a secret: prefer TEMPORAL_API_KEY_FILE)', ''),
  TEMPORAL_API_KEY_FILE: str('file holding the Temporal API key', ''),
  TEMPORAL_ALLOW_PLAINTEXT: oneOf(
    'in production, accept a plain connection to a Temporal that is not on loopback (a private network only)',
    ['false', 'true'] as const,
    'false',
  ),
  STARTUP_TIMEOUT_MS: int('how long to wait for a dependency at start-up', 15000, 100, 600000),
  // Read by the API when an admin sets a webhook and by the notifier at every send.
  WEBHOOK_ALLOWED_NETWORKS: {
    describe: 'comma-separated CIDR networks webhooks may reach although private or loopback (default: none)',
    default: NO_ALLOWED_NETWORKS,
    parse: parseAllowedNetworks,
  } as VarSpec<AllowedNetworks>,
};
