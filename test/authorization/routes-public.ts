import { randomUUID } from 'node:crypto';
import { Entry, OK, PUBLIC, SIGNED_IN, ADMIN_ONLY } from './matrix-expectations';

/** Health, signing in and one's own account, the API docs, and the request-logging middleware. */
export const PUBLIC_ROUTES: Record<string, Entry> = {
  // Public and personal
  'GET /health': [
    { what: 'health', kind: 'read', request: () => ({ method: 'get', path: '/health' }), expected: PUBLIC(OK) },
  ],
  'GET /health/live': [
    { what: 'liveness', kind: 'read', request: () => ({ method: 'get', path: '/health/live' }), expected: PUBLIC(OK) },
  ],
  'GET /health/ready': [
    {
      what: 'readiness',
      kind: 'read',
      request: () => ({ method: 'get', path: '/health/ready' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /health/details': [
    {
      what: "each dependency's state",
      kind: 'read',
      request: () => ({ method: 'get', path: '/health/details' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'POST /auth/login': [
    {
      what: 'a wrong password',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/auth/login',
        // A new unknown username each time, so the per-username login throttle (429) stays out of the way.
        body: { username: `khong.co.ai.${randomUUID().slice(0, 8)}`, password: 'not-the-password' },
      }),
      expected: PUBLIC(401),
    },
  ],
  'POST /auth/refresh': [
    {
      what: 'a refresh token that was never issued',
      kind: 'write',
      request: () => ({ method: 'post', path: '/auth/refresh', body: { refreshToken: 'x'.repeat(43) } }),
      expected: PUBLIC(401),
    },
  ],
  'POST /auth/password': [
    {
      what: 'a change without the current password',
      kind: 'write',
      request: () => ({ method: 'post', path: '/auth/password', body: { newPassword: 'mot-mat-khau-moi-dai' } }),
      expected: SIGNED_IN(400),
    },
  ],
  'GET /auth/oidc': [
    {
      what: 'whether single sign-on is on',
      kind: 'read',
      request: () => ({ method: 'get', path: '/auth/oidc' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /auth/oidc/login': [
    {
      what: 'single sign-on while it is off',
      kind: 'read',
      request: () => ({ method: 'get', path: '/auth/oidc/login' }),
      expected: PUBLIC(404),
    },
  ],
  'GET /auth/oidc/callback': [
    {
      what: 'a provider callback while single sign-on is off',
      kind: 'read',
      request: () => ({ method: 'get', path: '/auth/oidc/callback?code=x&state=y' }),
      expected: PUBLIC(404),
    },
  ],
  'GET /auth/me': [
    { what: 'who am I', kind: 'read', request: () => ({ method: 'get', path: '/auth/me' }), expected: SIGNED_IN(OK) },
  ],
  'GET /docs': [
    { what: 'API docs', kind: 'read', request: () => ({ method: 'get', path: '/docs' }), expected: PUBLIC(OK) },
  ],
  'GET /docs/': [
    { what: 'API docs', kind: 'read', request: () => ({ method: 'get', path: '/docs/' }), expected: PUBLIC(OK) },
  ],
  'GET /docs/index.html': [
    {
      what: 'API docs',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/index.html' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /docs/LICENSE': [
    {
      what: 'Swagger UI licence (registered, but the file is not shipped)',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/LICENSE' }),
      expected: PUBLIC(404),
    },
  ],
  'GET /docs/swagger-ui-init.js': [
    {
      what: 'Swagger UI',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/swagger-ui-init.js' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /docs/docs/swagger-ui-init.js': [
    {
      what: 'Swagger UI',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/docs/swagger-ui-init.js' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /docs/openapi.json': [
    {
      what: 'OpenAPI document',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/openapi.json' }),
      expected: PUBLIC(OK),
    },
  ],
  'GET /docs-yaml': [
    {
      what: 'OpenAPI document',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs-yaml' }),
      expected: PUBLIC(OK),
    },
  ],
  'USE /docs': [
    {
      what: 'Swagger UI files',
      kind: 'read',
      request: () => ({ method: 'get', path: '/docs/swagger-ui.css' }),
      expected: PUBLIC(OK),
    },
  ],
  'ALL /{*path}': { notAnEndpoint: "Nest's request-logging middleware, mounted for every path" },
};
