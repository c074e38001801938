import * as path from 'node:path';
import { int, loadConfig, oneOf, secret, sharedConfigSpec, str, url } from '@app/config';
import { checkFaultPoints, faultPointsConfigSpec } from '@app/observability/fault-points';
import { opsConfigSpec } from '@app/observability/ops.config';
import { checkOidcConfig, clientSecret, scopeList } from './auth/oidc/oidc.config';
import { checkDocumentStorageConfig, documentStorageConfigSpec } from '@app/storage';
import { documentsConfigSpec } from './documents/documents.config';

/** Secrets that were once committed as development defaults: known to everyone, so never accepted. */
const PUBLISHED_SECRETS = ['local-development-only-secret-change-me-0123456789'];

export const apiConfigSpec = {
  ...sharedConfigSpec,
  API_HOST: str('interface the API listens on (0.0.0.0: all of them, e.g. in a container)', '127.0.0.1'),
  API_PORT: int('HTTP port of the API', 3000, 1, 65535),
  ...opsConfigSpec(9464),
  JWT_SECRET: secret(
    'HMAC secret signing access tokens, 32 characters or more; required in production, elsewhere a random one per process when unset',
    32,
    PUBLISHED_SECRETS,
  ),
  JWT_TTL_SECONDS: int('lifetime of an access token, in seconds (a refresh token renews it)', 600, 60, 3600),
  REFRESH_TOKEN_TTL_SECONDS: int('a session idles out when not refreshed for this long', 8 * 3600, 300, 30 * 24 * 3600),
  SESSION_MAX_AGE_SECONDS: int(
    'a session ends this long after its login, however often refreshed',
    24 * 3600,
    600,
    90 * 24 * 3600,
  ),
  SESSION_COOKIE_SECURE: oneOf(
    'Secure flag of session cookies (auto: in production or over https)',
    ['auto', 'always', 'never'] as const,
    'auto',
  ),
  TRUST_PROXY: str(
    "which proxies' X-Forwarded-For/-Proto to believe (Express 'trust proxy': a hop count, 'loopback', subnets); without it the client address is the socket's",
    '',
  ),
  LOGIN_FREE_FAILURES_PER_USERNAME: int('failed logins for one username before delays begin', 5, 1, 1000),
  LOGIN_FREE_FAILURES_PER_IP: int('failed logins from one address before delays begin', 20, 1, 100000),
  LOGIN_LOCKOUT_BASE_MS: int('first delay after the free failures; it doubles with each further one', 1000, 1, 3600000),
  LOGIN_LOCKOUT_MAX_MS: int('longest delay (lockout) after failed logins', 15 * 60000, 1, 24 * 3600000),
  LOGIN_FAILURE_WINDOW_SECONDS: int(
    'failed logins are forgotten after this long without another',
    3600,
    1,
    7 * 24 * 3600,
  ),
  PASSWORD_HASH_CONCURRENCY: int('password hashes computed at once (argon2 is CPU and memory heavy)', 2, 1, 64),
  PASSWORD_HASH_QUEUE: int('requests that may wait for a hashing slot; more get 503', 64, 0, 100000),
  RATE_LIMIT_EXPORTS_PER_MINUTE: int('CSV exports one person may download per minute (more get 429)', 30, 1, 100000),
  RATE_LIMIT_REPORTS_PER_HOUR: int('review reports one person may generate per hour (more get 429)', 30, 1, 100000),
  RATE_LIMIT_BULK_PER_HOUR: int('bulk reassignments one person may send per hour (more get 429)', 20, 1, 100000),
  SOFFICE_PATH: str('LibreOffice program converting DOCX to PDF (a name on PATH or a full path)', 'soffice'),
  PDF_TIMEOUT_MS: int('longest one DOCX-to-PDF conversion may take before it is stopped (503)', 60000, 1000, 600000),
  PDF_CONCURRENCY: int('DOCX-to-PDF conversions run at once (each is a LibreOffice process)', 1, 1, 4),
  PDF_QUEUE: int('conversions that may wait for a slot; more get 503', 8, 0, 1000),
  BODY_LIMIT_KB: int('largest accepted JSON body', 256, 1, 10240),
  CONSOLE_DIR: str('directory of the built web console, served at /', path.resolve('dist/console')),
  OIDC_ISSUER: url(
    'OpenID Connect provider for single sign-on, its issuer URL (https in production); empty: single sign-on is off',
    ['https', 'http'],
    '',
  ),
  OIDC_CLIENT_ID: str('client id of the API at the provider (required with OIDC_ISSUER)', ''),
  OIDC_CLIENT_SECRET: clientSecret('its client secret; empty for a public client, which PKCE alone protects'),
  OIDC_REDIRECT_URI: url(
    'where the provider sends the browser back, as registered there: <public URL of the API>/auth/oidc/callback',
    ['https', 'http'],
    '',
  ),
  OIDC_SCOPES: scopeList('scopes asked of the provider, space-separated; openid is required', 'openid'),
  OIDC_LABEL: str("text of the console's single sign-on button; empty: the console's own words", ''),
  ...faultPointsConfigSpec,
  ...documentsConfigSpec,
  ...documentStorageConfigSpec,
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;
export const API_CONFIG = Symbol('API_CONFIG');
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) =>
  checkDocumentStorageConfig(checkFaultPoints(checkOidcConfig(loadConfig(apiConfigSpec, env))));
