import { randomUUID } from 'node:crypto';
import { Entry, OK, NONE, ADMINS } from './matrix-expectations';

/** The organisation's units, people, positions and accounts, as administered. */
export const ORGANISATION_ROUTES: Record<string, Entry> = {
  // The organisation: the system admin everywhere, a provincial admin in their province (Hậu Giang's objects here).
  'GET /admin/unit-kinds': [
    {
      what: 'the kinds of unit',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/unit-kinds' }),
      expected: ADMINS(OK, OK),
    },
  ],
  'GET /admin/units': [
    {
      what: 'the unit tree',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/units?limit=200', marker: 'hg-skhdt' }),
      expected: ADMINS(OK, NONE),
    },
  ],
  'GET /admin/units/:id': [
    {
      what: 'the provincial committee',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/units/hg-tu' }),
      expected: ADMINS(OK),
    },
  ],
  'POST /admin/units': [
    {
      what: 'a unit with a taken code',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/admin/units',
        body: { code: 'HG-TU', name: 'Ban Tổ chức', kind: 'ADVISORY_BOARD', parentId: 'hg-tu' },
      }),
      expected: ADMINS(409),
    },
  ],
  'PATCH /admin/units/:id': [
    {
      what: 'a department turned into a commune committee under a delegation',
      kind: 'write',
      request: () => ({ method: 'patch', path: '/admin/units/hg-skhdt', body: { kind: 'COMMUNE_COMMITTEE' } }),
      expected: ADMINS(400),
    },
  ],
  'GET /admin/people': [
    {
      what: "the province's people",
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/people?limit=200', marker: 'hg-pbt' }),
      expected: ADMINS(OK, NONE),
    },
  ],
  'GET /admin/people/:id': [
    {
      what: 'a Standing Deputy Secretary and her positions',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/people/hg-pbt' }),
      expected: ADMINS(OK),
    },
  ],
  'POST /admin/people': [
    {
      what: 'a person in an unknown unit',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/people', body: { fullName: 'Ai đó', unitId: 'khong-co' } }),
      expected: ADMINS(400, 400),
    },
  ],
  'PATCH /admin/people/:id': [
    {
      what: 'a change of nothing',
      kind: 'write',
      request: () => ({ method: 'patch', path: '/admin/people/hg-pbt', body: {} }),
      expected: ADMINS(OK),
    },
  ],
  'GET /admin/positions': [
    {
      what: "a person's positions",
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/positions?personId=hg-pbt' }),
      expected: ADMINS(OK),
    },
  ],
  'POST /admin/positions': [
    {
      what: 'a second head of a department',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/admin/positions',
        body: {
          personId: 'hg-tv1',
          unitId: 'hg-skhdt',
          title: 'Giám đốc',
          roles: ['HEAD'],
          seat: 'HEAD',
          startsOn: '2024-01-01',
        },
      }),
      expected: ADMINS(400),
    },
  ],
  'POST /admin/positions/:id/end': [
    {
      what: 'ending a position that does not exist',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: `/admin/positions/${randomUUID()}/end`,
        body: { endsOn: '2025-06-30', reason: 'Nghỉ hưu' },
      }),
      expected: ADMINS(404, 404),
    },
  ],
  'POST /admin/accounts/:personId': [
    {
      what: 'a second account for a person',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/hg-pbt', body: { username: 'pbt.hg.hai' } }),
      expected: ADMINS(409),
    },
  ],
  'POST /admin/accounts/:personId/disable': [
    {
      what: 'disabling an unknown person',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/khong-co-ai/disable' }),
      expected: ADMINS(404, 404),
    },
  ],
  'POST /admin/accounts/:personId/enable': [
    {
      what: 'enabling an active account (nothing changes)',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/hg-pbt/enable' }),
      expected: ADMINS(OK),
    },
  ],
  'POST /admin/accounts/:personId/unlock': [
    {
      what: "clearing a username's login throttle",
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/accounts/hg-pbt/unlock' }),
      expected: ADMINS(OK),
    },
  ],
};
