import * as path from 'node:path';
import { int, loadConfig, secret, sharedConfigSpec, str } from '@app/config';

export const apiConfigSpec = {
  ...sharedConfigSpec,
  API_PORT: int('HTTP port of the API', 3000, 1, 65535),
  JWT_SECRET: secret(
    'HMAC secret signing access tokens (required in production)',
    32,
    'local-development-only-secret-change-me-0123456789',
  ),
  JWT_TTL_SECONDS: int('lifetime of an access token', 8 * 3600, 60, 30 * 24 * 3600),
  BODY_LIMIT_KB: int('largest accepted JSON body', 256, 1, 10240),
  PRINCIPAL_CACHE_MS: int(
    "how long a signed-in person's roles and unit are remembered (0: read them on every request)",
    5000,
    0,
    300000,
  ),
  CONSOLE_DIR: str('directory of the built web console, served at /', path.resolve('dist/console')),
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;
export const API_CONFIG = Symbol('API_CONFIG');
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(apiConfigSpec, env);
