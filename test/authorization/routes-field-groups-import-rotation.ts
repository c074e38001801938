import { randomUUID } from 'node:crypto';
import {
  PROVINCE_LIST,
  Entry,
  OK,
  same,
  PUBLIC,
  ADMINS,
  PROVINCE_OVERVIEW,
  FIELD_GROUP_KEEPERS,
} from './matrix-expectations';

/** Field groups, organisation import and restructuring, rotation of duties and appraisal. */
export const FIELD_GROUP_IMPORT_AND_ROTATION_ROUTES: Record<string, Entry> = {
  // Field groups: read by the province (others read their own list), kept by its admins and its Standing Committee's office
  'GET /field-groups': [
    {
      what: "the caller's province list",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/field-groups?includeRetired=true', marker: fx.fieldGroupId }),
      expected: PROVINCE_LIST,
    },
  ],
  'POST /field-groups': [
    {
      what: 'add one to the province with a supervisor off the Standing Committee (refused after authorization)',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/field-groups',
        body: { provinceId: 'hg-tu', code: `authz-${randomUUID().slice(0, 8)}`, name: 'Thử', supervisorId: 'hg-cv1' },
      }),
      expected: {
        anonymous: 401,
        admin: 400,
        provincial: [400, 403],
        staff: same(403),
        head: same(403),
        standing: same(403),
        inspector: same(403),
        advisory: [400, 403, 403],
      },
    },
  ],
  'PATCH /field-groups/:id': [
    {
      what: 'name a supervisor off the Standing Committee (refused after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'patch',
        path: `/field-groups/${fx.fieldGroupId}`,
        body: { supervisorId: 'hg-cv1' },
      }),
      expected: FIELD_GROUP_KEEPERS(400),
    },
  ],
  'POST /field-groups/:id/retire': [
    {
      what: 'retire a retired one (refused after authorization)',
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/field-groups/${fx.retiredFieldGroupId}/retire` }),
      expected: FIELD_GROUP_KEEPERS(409),
    },
  ],

  // Organisation import: any administrator; the rows' units are checked against their reach (row problems).
  'GET /admin/organisation/import/template.xlsx': [
    {
      what: 'the XLSX import template',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/organisation/import/template.xlsx' }),
      expected: ADMINS(OK, OK),
    },
  ],
  'GET /admin/organisation/import/template-:kind.csv': [
    {
      what: 'the CSV import template of units',
      kind: 'read',
      request: () => ({ method: 'get', path: '/admin/organisation/import/template-units.csv' }),
      expected: ADMINS(OK, OK),
    },
  ],
  'POST /admin/organisation/import/dry-run': [
    {
      what: 'a dry run without a file',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/organisation/import/dry-run', body: {} }),
      expected: ADMINS(400, 400),
    },
  ],
  'POST /admin/organisation/import/apply': [
    {
      what: 'an import without a file',
      kind: 'write',
      request: () => ({ method: 'post', path: '/admin/organisation/import/apply', body: {} }),
      expected: ADMINS(400, 400),
    },
  ],
  'POST /organisation/restructurings': [
    {
      what: 'a merger naming an unknown unit (refused by the rules after the admin check)',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/organisation/restructurings',
        body: {
          requestId: randomUUID(),
          kind: 'MERGE',
          effectiveDate: '2025-07-01',
          reason: 'Nghị quyết 202/2025/QH15',
          units: [{ unitId: 'khong-co', successorId: 'hg-tu' }],
        },
      }),
      expected: ADMINS(400, 400),
    },
  ],
  'GET /organisation/restructurings': [
    {
      what: "the restructurings of the admin's province",
      kind: 'read',
      request: () => ({ method: 'get', path: '/organisation/restructurings' }),
      expected: ADMINS(OK, OK),
    },
  ],
  'GET /organisation/restructurings/:id': [
    {
      what: 'a restructuring that does not exist',
      kind: 'read',
      request: () => ({ method: 'get', path: `/organisation/restructurings/${randomUUID()}` }),
      expected: ADMINS(404, 404),
    },
  ],
  // A unit's open work: the admins who may restructure it (the province itself is the system admin's).
  'GET /organisation/units/:id/open-work': [
    {
      what: "a Hậu Giang department's open work",
      kind: 'read',
      request: () => ({ method: 'get', path: '/organisation/units/hg-skhdt/open-work' }),
      expected: ADMINS(OK),
    },
    {
      what: "the Hậu Giang provincial committee's open work",
      kind: 'read',
      request: () => ({ method: 'get', path: '/organisation/units/hg-tu/open-work' }),
      expected: ADMINS(403, 403, OK),
    },
    {
      what: 'the open work of a unit that does not exist',
      kind: 'read',
      request: () => ({ method: 'get', path: '/organisation/units/khong-co/open-work' }),
      expected: ADMINS(404, 404),
    },
  ],
  // Rotation: a person of the province who is none of the callers (the director of finance).
  'GET /organisation/people/:personId/duties': [
    {
      what: "a Hậu Giang person's open duties",
      kind: 'read',
      request: () => ({ method: 'get', path: '/organisation/people/hg-stc-gd/duties' }),
      expected: ADMINS(OK, 403),
    },
  ],
  'POST /organisation/people/:personId/duties/transfer': [
    {
      what: 'a transfer to the same person (refused after authorization)',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/organisation/people/hg-stc-gd/duties/transfer',
        body: { requestId: randomUUID(), successorPersonId: 'hg-stc-gd', reason: 'Luân chuyển cán bộ' },
      }),
      expected: ADMINS(400, 403),
    },
  ],
  'GET /appraisal/:year': [
    {
      what: "the province's yearly appraisal",
      kind: 'read',
      request: () => ({ method: 'get', path: '/appraisal/2026?committeeId=hg-tu&by=unit' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'PUT /appraisal/:year/:subjectKind/:subjectId': [
    {
      what: "rating the provincial committee's year: its head and Standing Committee",
      kind: 'write',
      request: () => ({
        method: 'put',
        path: '/appraisal/2026/UNIT/hg-tu',
        body: { rating: 'GOOD', comment: 'Hoàn thành tốt nhiệm vụ năm' },
      }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        head: [OK, 403, 403],
        standing: [OK, 403, 403],
      },
    },
  ],
};
