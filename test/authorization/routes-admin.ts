import { randomUUID } from 'node:crypto';
import { Entry, OK, NONE, ADMIN_ONLY, ADMINS, programme, AUDIT_OF_CREATION } from './matrix-expectations';

/** Administration: notifications, the read model, queues, the calendar; the audit of acts; accounts' sign-in. */
export const ADMIN_ROUTES: Record<string, Entry> = {
  // Administration
  'GET /admin/notifications/failed': [
    {
      what: 'failed deliveries',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/notifications/failed' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'POST /admin/notifications/failed/retry': [
    {
      what: 'an unknown queue',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/notifications/failed/retry', body: { queue: 'nope' } }),
      expected: ADMIN_ONLY(400),
    },
  ],
  'GET /admin/notifications/webhook-allowlist': [
    {
      what: 'allowlist',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/notifications/webhook-allowlist' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'POST /admin/notifications/webhook-allowlist': [
    {
      what: 'an entry without a URL',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/notifications/webhook-allowlist', body: {} }),
      expected: ADMIN_ONLY(400),
    },
  ],
  'DELETE /admin/notifications/webhook-allowlist/:id': [
    {
      what: 'an unknown entry',
      kind: 'write',
      request: () => ({ method: 'delete', path: `/admin/notifications/webhook-allowlist/${randomUUID()}` }),
      expected: ADMIN_ONLY(404),
    },
  ],
  'GET /admin/notifications/unit-webhooks': [
    {
      what: 'webhooks',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/notifications/unit-webhooks' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'PUT /admin/notifications/unit-webhooks/:unitId': [
    {
      what: 'a webhook without a URL',
      kind: 'write',
      request: () => ({ method: 'put', path: '/admin/notifications/unit-webhooks/hg-tu', body: {} }),
      expected: ADMIN_ONLY(400),
    },
  ],
  'DELETE /admin/notifications/unit-webhooks/:unitId': [
    {
      what: 'an unknown unit',
      kind: 'write',
      request: () => ({ method: 'delete', path: '/admin/notifications/unit-webhooks/nowhere' }),
      expected: ADMIN_ONLY(404),
    },
  ],
  'POST /admin/notifications/board-session': [
    {
      what: 'a board cookie',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/notifications/board-session' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'POST /admin/read-model/reconcile': [
    {
      what: 'a reason that is not text',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/read-model/reconcile', body: { reason: 42 } }),
      expected: ADMIN_ONLY(400),
    },
  ],
  'GET /admin/read-model/reconciliations': [
    {
      what: 'past reconciliations',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/read-model/reconciliations' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'USE /admin/queues': [
    {
      what: 'Bull Board',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/queues' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'GET /admin/calendar': [
    {
      what: 'every year',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/calendar' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'GET /admin/calendar/:year': [
    {
      what: 'a year not in the table (computed from the lunar calendar)',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/calendar/2099' }),
      expected: ADMIN_ONLY(OK),
    },
    {
      what: 'a year beyond the computed ones',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/calendar/2300' }),
      expected: ADMIN_ONLY(404),
    },
  ],
  'PUT /admin/calendar/:year': [
    {
      what: 'a year without days',
      kind: 'write',
      request: () => ({ method: 'put', path: '/admin/calendar/2099', body: {} }),
      expected: ADMIN_ONLY(400),
    },
  ],
  // The audit of acts: admins, and inspectors for the acts of their committee's people.
  'GET /admin/audit': [
    {
      what: "the programme's creation",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: AUDIT_OF_CREATION, marker: programme(fx) }),
      expected: { ...ADMIN_ONLY(OK), provincial: [OK, NONE], inspector: [OK, NONE, NONE] },
    },
  ],
  'GET /admin/audit.csv': [
    {
      what: "the programme's creation",
      kind: 'read',
      request: (fx) => ({
        method: 'get',
        path: AUDIT_OF_CREATION.replace('audit', 'audit.csv'),
        marker: programme(fx),
      }),
      expected: { ...ADMIN_ONLY(OK), provincial: [OK, NONE], inspector: [OK, NONE, NONE] },
    },
  ],
  'POST /admin/accounts/:personId/password-reset': [
    {
      what: "reset of an unknown person's password",
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/khong-co-ai/password-reset', body: {} }),
      expected: ADMINS(404, 404),
    },
  ],
  'GET /admin/accounts/:personId/identities': [
    {
      what: "a person's linked sign-on identities",
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/accounts/hg-pbt/identities' }),
      expected: ADMIN_ONLY(OK),
    },
  ],
  'POST /admin/accounts/:personId/identities': [
    {
      what: 'a link without issuer and subject',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/hg-pbt/identities', body: {} }),
      expected: ADMIN_ONLY(400),
    },
  ],
  'DELETE /admin/accounts/:personId/identities/:identityId': [
    {
      what: 'unlinking an identity that does not exist',
      kind: 'write',
      request: () => ({ method: 'delete', path: `/admin/accounts/hg-pbt/identities/${randomUUID()}` }),
      expected: ADMIN_ONLY(404),
    },
  ],
};
