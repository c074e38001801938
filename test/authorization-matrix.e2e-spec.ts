import { randomUUID } from 'node:crypto';
import { AuthorizationFixtures, buildAuthorizationFixtures, newResolution } from './utils/authorization-fixtures';
import { appRoutes } from './utils/route-table';
import { tinyPdf } from './utils/sample-documents';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * The authorization matrix: every route the app answers × every role × the caller's relation to the
 * object, with the answer expected, over HTTP on the real stack. The routes come from the running
 * app's router: a route without an entry in ROUTES (or an entry without a route) fails the first test.
 *
 * The objects (test/utils/authorization-fixtures.ts) all belong to Tỉnh ủy Hậu Giang. The callers:
 *
 * | role             | own: the issuing committee | same province: Thành ủy Vị Thanh | other province                |
 * | ---------------- | -------------------------- | -------------------------------- | ----------------------------- |
 * | staff            | vanthu.hg                  | vanthu.vithanh                   | vanthu.lc                     |
 * | head             | bithu.hg                   | bithu.vithanh                    | gd.snn.lc                     |
 * | standing         | tvbtv.hg                   | pbt.vithanh                      | bithu.lc, bithu.tuky          |
 * | inspector        | ubkt.hg                    | ubkt.vithanh                     | ubkt.lc                       |
 * | advisory staff   | chuyenvien.hg              | chuyenvien.vithanh               | chuyenvien.lc                 |
 *
 * plus `admin` (the system administrator), the provincial administrators `admin.hg` (own province) and
 * `admin.lc` (another province), and an anonymous caller. Answers: OK (2xx), NONE (2xx that shows nothing of the
 * object), or a status. A write that would change the shared objects is sent so that the domain
 * refuses it only after authorization passed (a phase it is not in: 409; its own data: 400), or on
 * a fresh object. A leak is a 2xx (or a 400/409 past authorization, or anything but 404 that tells of
 * an object the caller may not see) where a refusal is expected; the matrix must have none.
 */

type Answer = 'OK' | 'NONE' | 400 | 401 | 403 | 404 | 409;
const OK = 'OK';
const NONE = 'NONE';
type Relation = 'own' | 'same' | 'other';
const RELATIONS: readonly Relation[] = ['own', 'same', 'other'];
type Role = 'staff' | 'head' | 'standing' | 'inspector' | 'advisory';
const ROLES: readonly Role[] = ['staff', 'head', 'standing', 'inspector', 'advisory'];

const CALLERS: Record<Role, Record<Relation, string[]>> = {
  staff: { own: ['vanthu.hg'], same: ['vanthu.vithanh'], other: ['vanthu.lc'] },
  head: { own: ['bithu.hg'], same: ['bithu.vithanh'], other: ['gd.snn.lc'] },
  standing: { own: ['tvbtv.hg'], same: ['pbt.vithanh'], other: ['bithu.lc', 'bithu.tuky'] },
  inspector: { own: ['ubkt.hg'], same: ['ubkt.vithanh'], other: ['ubkt.lc'] },
  advisory: { own: ['chuyenvien.hg'], same: ['chuyenvien.vithanh'], other: ['chuyenvien.lc'] },
};

/** Expected answers: per role, [own, same province, other province]; provincial admins [own province, other]. */
type Expected = { anonymous: Answer; admin: Answer; provincial: [Answer, Answer] } & Record<
  Role,
  [Answer, Answer, Answer]
>;
const PROVINCIAL_ADMINS = ['admin.hg', 'admin.lc'] as const;

interface Request {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  /** A multipart/form-data body instead: text fields and one file. */
  multipart?: { fields: Record<string, string>; file: { field: string; name: string; content: Buffer } };
  /** What a NONE answer must not contain. */
  marker?: string;
}

interface Probe {
  what: string;
  kind: 'read' | 'write';
  request: (fx: AuthorizationFixtures) => Request | Promise<Request>;
  expected: Expected;
}

/** Each route's probes; a route that is middleware or a mount with nothing to ask has a reason instead. */
type Entry = Probe[] | { notAnEndpoint: string };

const same = (a: Answer): [Answer, Answer, Answer] => [a, a, a];
/** Everyone, signed in or not, gets `a`. */
const PUBLIC = (a: Answer): Expected => ({
  anonymous: a,
  admin: a,
  provincial: [a, a],
  staff: same(a),
  head: same(a),
  standing: same(a),
  inspector: same(a),
  advisory: same(a),
});
/** Every signed-in person gets `a` (it concerns only themselves). */
const SIGNED_IN = (a: Answer): Expected => ({ ...PUBLIC(a), anonymous: 401 });
/** Only the system administrator, who gets `a`. */
const ADMIN_ONLY = (a: Answer): Expected => ({ ...PUBLIC(403), anonymous: 401, admin: a });
/** Administrators: the system one, and the provincial ones for their own province (`own`) and another (`other`). */
const ADMINS = (own: Answer, other: Answer = 403, system: Answer = own): Expected => ({
  ...PUBLIC(403),
  anonymous: 401,
  admin: system,
  provincial: [own, other],
});
/** Readable by the province and the units below it; 404 elsewhere. */
const PROVINCE_READS: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 404],
  staff: [OK, OK, 404],
  head: [OK, OK, 404],
  standing: [OK, OK, 404],
  inspector: [OK, OK, 404],
  advisory: [OK, OK, 404],
};
/** Supervision of the province (reports, timeline, lineage): its supervisors; 404 for everyone else. */
const PROVINCE_SUPERVISORS: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 404],
  staff: same(404),
  head: [OK, 404, 404],
  standing: [OK, 404, 404],
  inspector: [OK, 404, 404],
  advisory: [OK, 404, 404],
};
/** A committee overview asked for the province: its supervisors; 403 for a committee outside one's own. */
const PROVINCE_OVERVIEW: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 403],
  staff: same(403),
  head: [OK, 403, 403],
  standing: [OK, 403, 403],
  inspector: [OK, 403, 403],
  advisory: [OK, 403, 403],
};
/** T1, issued by the province to one of its departments: who supervises it there; 404 for anyone else. */
const TASK_T1_READS: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 404],
  staff: same(404),
  head: [OK, 404, 404],
  standing: [OK, 404, 404],
  inspector: [OK, 404, 404],
  advisory: [OK, 404, 404],
};

/** Registering an entry of the province: its committee's leaders and admins; 400 from another province. */
const REGISTRY_CREATE: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 400],
  staff: [403, 403, 400],
  head: [OK, 403, 400],
  standing: [OK, 403, 400],
  inspector: [403, 403, 400],
  advisory: [OK, 403, 400],
};
/** Changing the province's entry: its leaders and admins get as far as the domain's refusal (400); 404 where unread. */
const REGISTRY_CHANGE: Expected = {
  anonymous: 401,
  admin: 400,
  provincial: [400, 404],
  staff: [403, 403, 404],
  head: [400, 403, 404],
  standing: [400, 403, 404],
  inspector: [403, 403, 404],
  advisory: [400, 403, 404],
};

/** Preparing a programme's issuance: its drafting team and approvers get `a`; others who open it 403; 404 elsewhere. */
const ISSUANCE_PREPARERS = (a: Answer): Expected => ({
  anonymous: 401,
  admin: 403,
  provincial: [403, 404],
  staff: [403, 403, 404],
  head: [a, 403, 404],
  standing: [a, 403, 404],
  inspector: [403, 403, 404],
  advisory: [a, 403, 404],
});

const programme = (fx: AuthorizationFixtures) => fx.programmeId;
const task = (id: string) => `/tasks/${encodeURIComponent(id)}`;
const cycle = (fx: AuthorizationFixtures) => `/breakthrough/cycles/${fx.cycle.unitId}/${fx.cycle.year}`;
const action = (payload: object) => ({ requestId: randomUUID(), payload });

/** The audit rows of programmes chuyenvien.hg created: the fixtures' programme among them. */
const AUDIT_OF_CREATION = '/admin/audit?act=programme.create&person=hg-cv1&limit=200';

/** A group of the province's list: its admins and its Standing Committee's office get `a`; another province's people 404. */
const FIELD_GROUP_KEEPERS = (a: Answer): Expected => ({
  anonymous: 401,
  admin: a,
  provincial: [a, 404],
  staff: [403, 403, 404],
  head: [403, 403, 404],
  standing: [403, 403, 404],
  inspector: [403, 403, 404],
  advisory: [a, 403, 404],
});

const ROUTES: Record<string, Entry> = {
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

  // Programmes
  'POST /programmes': [
    {
      what: 'create one for the province',
      kind: 'write',
      request: () => ({ method: 'post', path: '/programmes', body: newProgramme('hg-pbt') }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        admin: OK,
        provincial: [OK, 403],
        head: [OK, 403, 403],
        advisory: [OK, 403, 403],
      },
    },
    {
      what: 'create one with a member in charge from another province (refused after authorization)',
      kind: 'write',
      request: () => ({ method: 'post', path: '/programmes', body: newProgramme('lc-bithu') }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        admin: 400,
        provincial: [400, 403],
        head: [400, 403, 403],
        advisory: [400, 403, 403],
      },
    },
  ],
  'GET /programmes': [
    {
      what: 'list',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/programmes?limit=200', marker: fx.programmeId }),
      expected: {
        ...PROVINCE_READS,
        provincial: [OK, NONE],
        staff: [OK, OK, NONE],
        head: [OK, OK, NONE],
        standing: [OK, OK, NONE],
        inspector: [OK, OK, NONE],
        advisory: [OK, OK, NONE],
      },
    },
  ],
  'GET /programmes/:id': [
    {
      what: 'one',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /programmes/:id/available-actions': [
    {
      what: 'what the caller may do now',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/available-actions` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /programmes/:id/audit': [
    {
      what: 'audit trail',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/audit` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /programmes/:id/plans': [
    {
      what: 'annual plans and quarterly work programmes',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/plans` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /programmes/:id/drafts/:version': [
    {
      what: 'a draft version (its text only to those who read drafts)',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/drafts/1` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /programmes/:id/drafts/:version/diff': [
    {
      what: "a draft's changes: its leaders, drafting team, supervisors and invitees; 403 for other readers",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/drafts/1/diff` }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [OK, 403, 404],
        standing: [OK, 403, 404],
        inspector: [OK, 403, 404],
        advisory: [OK, 403, 404],
      },
    },
  ],
  'GET /programmes/:id/consultations/:no': [
    {
      what: 'a consultation round: who answered, who is silent (opinions to those who read them)',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/consultations/1` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /work-programmes/:unitId/:year/:quarter': [
    {
      what: "the issuing committee's quarterly work programme",
      kind: 'read',
      request: () => ({ method: 'get', path: '/work-programmes/hg-tu/2026/1' }),
      expected: PROVINCE_READS,
    },
  ],
  'PUT /programmes/:id/readers': [
    {
      what: "name the readers (the fixture is not restricted: its leaders get 409, after the caller's rights)",
      kind: 'write',
      request: (fx) => ({ method: 'put', path: `/programmes/${programme(fx)}/readers`, body: { readerIds: [] } }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [409, 403, 404],
        standing: [409, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
  ],
  'POST /programmes/:id/actions/:action': [
    {
      what: 'supersede by itself (the approver is checked first, the self-reference refused after)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/programmes/${programme(fx)}/actions/supersede`,
        body: action({ reason: 'Thay thế', byProgrammeId: programme(fx) }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [400, 403, 404],
        standing: [400, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
    {
      what: 'cancel (a fresh programme each time)',
      kind: 'write',
      request: async (fx) => ({
        method: 'post',
        path: `/programmes/${await fx.freshProgramme()}/actions/cancel`,
        body: action({ reason: 'Gộp vào chương trình khác' }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [OK, 403, 404],
        standing: [OK, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
    {
      what: 'approve (the programme is past approval: 409 to whoever may see it)',
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/programmes/${programme(fx)}/actions/approve`, body: action({}) }),
      expected: {
        anonymous: 401,
        admin: 409,
        provincial: [409, 404],
        staff: [409, 409, 404],
        head: [409, 409, 404],
        standing: [409, 409, 404],
        inspector: [409, 409, 404],
        advisory: [409, 409, 404],
      },
    },
    {
      what: "name next year's key tasks of a plan that does not exist (the office passes, then 400)",
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/programmes/${programme(fx)}/actions/setNextYearKeyTasks`,
        body: action({ planId: '2099', keyTasks: [] }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [400, 403, 404],
        standing: [403, 403, 404],
        inspector: [403, 403, 404],
        advisory: [400, 403, 404],
      },
    },
    {
      what: 'record an inspection',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/programmes/${programme(fx)}/actions/recordInspection`,
        body: action({ findings: 'Kiểm tra chuyên đề' }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [403, 403, 404],
        standing: [403, 403, 404],
        inspector: [OK, 403, 404],
        advisory: [403, 403, 404],
      },
    },
  ],

  // Review reports
  'POST /programmes/:id/reports': [
    {
      what: 'generate the first review’s report',
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/programmes/${programme(fx)}/reports`, body: { reviewSeq: 1 } }),
      expected: { ...PROVINCE_SUPERVISORS, staff: same(403) },
    },
  ],
  'GET /programmes/:id/reports': [
    {
      what: 'list',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/reports` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],
  'GET /programmes/:id/reports/:reportId': [
    {
      what: 'download',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/reports/${fx.reportId}` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],
  'GET /programmes/:id/issued-document': [
    {
      what: 'the issued programme as a document (DOCX; PDF is the same check)',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/issued-document` }),
      expected: PROVINCE_READS,
    },
  ],

  // Issuance and review forms
  'GET /programmes/:id/issuance/template': [
    {
      what: "the issuance template (the programme's drafting team and approvers)",
      kind: 'read',
      request: (fx) => ({
        method: 'get',
        path: `/programmes/${programme(fx)}/issuance/template?format=csv&sheet=tasks`,
      }),
      expected: ISSUANCE_PREPARERS(OK),
    },
  ],
  'POST /programmes/:id/issuance/import': [
    {
      what: 'an issuance import without a file (refused after the rights)',
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/programmes/${programme(fx)}/issuance/import`, body: {} }),
      expected: ISSUANCE_PREPARERS(400),
    },
  ],
  'GET /programmes/:id/reviews/:seq/form': [
    {
      what: "the caller's unit's report form of the first review",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/reviews/1/form` }),
      expected: PROVINCE_READS,
    },
  ],

  // Programme documents: adding one is the domain's permission for its kind; reading, the programme's readers
  'POST /programmes/:id/documents': [
    {
      what: 'add an inspection record (who may inspect)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/programmes/${programme(fx)}/documents`,
        multipart: {
          fields: { kind: 'INSPECTION_RECORD' },
          file: { field: 'file', name: 'Biên bản kiểm tra.pdf', content: tinyPdf() },
        },
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [403, 403, 404],
        standing: [403, 403, 404],
        inspector: [OK, 403, 404],
        advisory: [403, 403, 404],
      },
    },
  ],
  'GET /programmes/:id/documents': [
    {
      what: 'list',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/programmes/${programme(fx)}/documents` }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /documents/:id/content': [
    {
      what: 'download the issued text',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/documents/${fx.documentId}/content` }),
      expected: PROVINCE_READS,
    },
  ],

  // Tasks
  'GET /tasks': [
    {
      what: 'my tasks',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/tasks?pageSize=100', marker: fx.task1 }),
      expected: SIGNED_IN(NONE),
    },
  ],
  'GET /tasks/counts': [
    {
      what: 'my buckets',
      kind: 'read',
      request: () => ({ method: 'get', path: '/tasks/counts' }),
      expected: SIGNED_IN(OK),
    },
  ],
  'GET /tasks/buckets': [
    {
      what: "the programme's buckets (T2 is Vị Thanh's)",
      kind: 'read',
      request: (fx) => ({
        method: 'get',
        path: `/tasks/buckets?groupBy=programme&programmeId=${programme(fx)}`,
        marker: programme(fx),
      }),
      expected: {
        ...PROVINCE_READS,
        provincial: [OK, NONE],
        staff: same(403),
        head: [OK, OK, NONE],
        standing: [OK, OK, NONE],
        inspector: [OK, OK, NONE],
        advisory: [OK, OK, NONE],
      },
    },
  ],
  'GET /tasks/supervision': [
    {
      what: "the province department's task in the drill-down",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/tasks/supervision?programmeId=${programme(fx)}`, marker: fx.task1 }),
      expected: {
        ...PROVINCE_READS,
        provincial: [OK, NONE],
        staff: same(403),
        head: [OK, NONE, NONE],
        standing: [OK, NONE, NONE],
        inspector: [OK, NONE, NONE],
        advisory: [OK, NONE, NONE],
      },
    },
  ],
  'POST /tasks/reassign-bulk': [
    {
      what: 'hand tasks to a province department director (someone without tasks gives none)',
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/tasks/reassign-bulk',
        body: {
          requestId: randomUUID(),
          fromPersonId: 'hg-tv1',
          toPersonId: 'hg-stc-gd',
          reason: 'Luân chuyển cán bộ',
        },
      }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        admin: OK,
        provincial: [OK, 403],
        head: [OK, 403, 403],
        standing: [OK, 403, 403],
      },
    },
  ],
  'GET /tasks/:id': [
    { what: 'T1', kind: 'read', request: (fx) => ({ method: 'get', path: task(fx.task1) }), expected: TASK_T1_READS },
  ],
  'GET /tasks/:id/available-actions': [
    {
      what: 'what the caller may do on T1 now',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `${task(fx.task1)}/available-actions` }),
      expected: TASK_T1_READS,
    },
  ],
  'GET /tasks/:id/history': [
    {
      what: 'T1',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `${task(fx.task1)}/history` }),
      expected: TASK_T1_READS,
    },
  ],
  'POST /tasks/:id/actions/:action': [
    {
      what: 'reassign T1 to the person who has it (the authority is checked first, the no-op refused after)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${task(fx.task1)}/actions/reassign`,
        body: action({ toPersonId: 'hg-skhdt-gd', reason: 'Luân chuyển' }),
      }),
      // The office's advisory staff issued the programme: the assigner of its tasks.
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: same(404),
        head: [400, 404, 404],
        standing: [400, 404, 404],
        inspector: [403, 404, 404],
        advisory: [400, 404, 404],
      },
    },
    {
      what: 'reassign T1 to a person of another province',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${task(fx.task1)}/actions/reassign`,
        body: action({ toPersonId: 'lc-snn-gd', reason: 'Luân chuyển' }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: same(404),
        head: [403, 404, 404],
        standing: [403, 404, 404],
        inspector: [403, 404, 404],
        advisory: [403, 404, 404],
      },
    },
    {
      what: "reassign T2 (Vị Thanh's) to the person who has it",
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${task(fx.task2)}/actions/reassign`,
        body: action({ toPersonId: 'hg-vithanh-bt', reason: 'Luân chuyển' }),
      }),
      // Vị Thanh's secretary heads the responsible unit; its Standing Committee member acts there too.
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: same(404),
        head: [400, 400, 404],
        standing: [400, 400, 404],
        inspector: [403, 403, 404],
        advisory: [400, 403, 404],
      },
    },
  ],

  // Breakthrough cycles
  'POST /breakthrough/cycles': [
    {
      what: "open the province's cycle with a past deadline (refused after authorization)",
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/breakthrough/cycles',
        body: newCycle({ registrationDeadline: '2020-01-15T10:00:00Z' }),
      }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        admin: 400,
        provincial: [400, 403],
        head: [400, 403, 403],
        standing: [400, 403, 403],
      },
    },
    {
      what: "open the province's cycle with a member in charge from another province",
      kind: 'write',
      request: () => ({
        method: 'post',
        path: '/breakthrough/cycles',
        body: newCycle({ memberInChargeId: 'lc-bithu' }),
      }),
      expected: {
        ...PUBLIC(403),
        anonymous: 401,
        admin: 400,
        provincial: [400, 403],
        head: [400, 403, 403],
        standing: [400, 403, 403],
      },
    },
  ],
  'GET /breakthrough/cycles/:unitId/:year': [
    {
      what: "the province's cycle",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: cycle(fx) }),
      expected: PROVINCE_READS,
    },
  ],
  'GET /breakthrough/cycles/:unitId/:year/available-actions': [
    {
      what: "what the caller may do on the province's cycle now",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `${cycle(fx)}/available-actions` }),
      expected: PROVINCE_READS,
    },
  ],
  'POST /breakthrough/cycles/:unitId/:year/cascade': [
    {
      what: "cascade the province's cycle to Vị Thanh with a past deadline (refused after authorization)",
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${cycle(fx)}/cascade`,
        body: {
          unitIds: ['hg-vithanh'],
          registrationDeadline: '2020-01-15T10:00:00Z',
          appraisalDeadline: '2020-02-15T10:00:00Z',
        },
      }),
      expected: {
        anonymous: 401,
        admin: 400,
        provincial: [400, 404],
        staff: [403, 403, 404],
        head: [400, 403, 404],
        standing: [400, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
  ],
  'GET /breakthrough/cycles/:unitId/:year/cascade': [
    {
      what: "the province's cycle and those under it",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `${cycle(fx)}/cascade` }),
      expected: PROVINCE_READS,
    },
  ],
  'POST /breakthrough/cycles/:unitId/:year/actions/:action': [
    {
      what: 'register with an unknown kind (only heads of invited units pass; the kind is refused after)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${cycle(fx)}/actions/register`,
        body: action({ kind: 'OTHER', title: 'Đề xuất', expectedResult: 'Kết quả', measure: 'Cách đo' }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [403, 400, 404],
        standing: [403, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
    {
      what: 'appraise while registration is open (appraisers are checked first, then the phase)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `${cycle(fx)}/actions/appraise`,
        body: action({ no: 1, decision: 'APPROVE', comments: '' }),
      }),
      expected: {
        anonymous: 401,
        admin: 403,
        provincial: [403, 404],
        staff: [403, 403, 404],
        head: [409, 403, 404],
        standing: [409, 403, 404],
        inspector: [403, 403, 404],
        advisory: [403, 403, 404],
      },
    },
  ],

  // Supervision
  'GET /supervision/overview': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/overview?committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/programmes': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/programmes?committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/responsiveness': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/responsiveness?committeeId=hg-tu&by=unit' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/units': [
    {
      what: 'units one may ask about',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/units', marker: '"id":"hg-tu"' }),
      expected: {
        ...SIGNED_IN(NONE),
        admin: OK,
        provincial: [OK, NONE],
        head: [OK, NONE, NONE],
        standing: [OK, NONE, NONE],
        inspector: [OK, NONE, NONE],
        advisory: [OK, NONE, NONE],
      },
    },
  ],
  'GET /supervision/lineage': [
    {
      what: 'the programme',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/supervision/lineage?programmeId=${programme(fx)}` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],
  'GET /supervision/programmes/:id/timeline': [
    {
      what: 'the programme',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/supervision/programmes/${programme(fx)}/timeline` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],

  // Inbox: each person's own
  'GET /inbox': [
    {
      what: 'my notifications',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/inbox?limit=100', marker: fx.foreignNotificationId }),
      expected: SIGNED_IN(NONE),
    },
  ],
  'GET /inbox/unread-count': [
    {
      what: 'mine',
      kind: 'read',
      request: () => ({ method: 'get', path: '/inbox/unread-count' }),
      expected: SIGNED_IN(OK),
    },
  ],
  'GET /inbox/preferences': [
    {
      what: 'mine',
      kind: 'read',
      request: () => ({ method: 'get', path: '/inbox/preferences' }),
      expected: SIGNED_IN(OK),
    },
  ],
  'PUT /inbox/preferences': [
    {
      what: 'mine, with an unknown language',
      kind: 'write',
      request: () => ({ method: 'put', path: '/inbox/preferences', body: { locale: 'xx', channels: [] } }),
      expected: SIGNED_IN(400),
    },
  ],
  'POST /inbox/:id/read': [
    {
      what: "someone else's notification",
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/inbox/${fx.foreignNotificationId}/read` }),
      expected: SIGNED_IN(404),
    },
  ],
  'POST /inbox/read-all': [
    {
      what: 'mine',
      kind: 'write',
      request: () => ({ method: 'post', path: '/inbox/read-all' }),
      expected: SIGNED_IN(OK),
    },
  ],

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
  // The resolution registry: read like programmes, written by the issuing committee's leaders and admins
  'GET /resolutions': [
    {
      what: 'list',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/resolutions?pageSize=100&year=2022', marker: fx.resolutionId }),
      expected: {
        ...PROVINCE_READS,
        provincial: [OK, NONE],
        staff: [OK, OK, NONE],
        head: [OK, OK, NONE],
        standing: [OK, OK, NONE],
        inspector: [OK, OK, NONE],
        advisory: [OK, OK, NONE],
      },
    },
  ],
  'POST /resolutions': [
    {
      what: "register one for the province (another province: 400, its unit is not the caller's)",
      kind: 'write',
      request: () => ({ method: 'post', path: '/resolutions', body: newResolution() }),
      expected: REGISTRY_CREATE,
    },
  ],
  'GET /resolutions/:id': [
    {
      what: 'one',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}` }),
      expected: PROVINCE_READS,
    },
  ],
  'PATCH /resolutions/:id': [
    {
      what: 'make it implement itself (refused after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'patch',
        path: `/resolutions/${fx.resolutionId}`,
        body: { implementsId: fx.resolutionId },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'POST /resolutions/:id/status': [
    {
      what: 'replace it by nothing (refused after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/status`,
        body: { status: 'REPLACED' },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'GET /resolutions/:id/lineage': [
    {
      what: 'its lineage',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}/lineage` }),
      expected: PROVINCE_READS,
    },
  ],
  // The cascade: read like the entry (each reader sees the obligations of bodies whose programmes they read);
  // obliging and withdrawing by the entry's writers, refused by the domain only after authorization
  'GET /resolutions/:id/obligations': [
    {
      what: "the entry's cascade",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}/obligations` }),
      expected: PROVINCE_READS,
    },
  ],
  'POST /resolutions/:id/obligations': [
    {
      what: 'oblige the issuing committee itself (refused after authorization: not a body below it)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/obligations`,
        body: {
          requestId: randomUUID(),
          obligations: [{ unitId: 'hg-tu', deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }],
        },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'POST /resolutions/:id/obligations/:obligationId/withdraw': [
    {
      what: 'withdraw an obligation the entry does not have (404 after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/obligations/khong-co/withdraw`,
        body: { requestId: randomUUID(), reason: 'thử' },
      }),
      expected: {
        anonymous: 401,
        admin: 404,
        provincial: [404, 404],
        staff: [403, 403, 404],
        head: [404, 403, 404],
        standing: [404, 403, 404],
        inspector: [403, 403, 404],
        advisory: [404, 403, 404],
      },
    },
  ],
  'GET /supervision/counts': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/counts?term=2020-2025&committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/counts/items': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({
        method: 'get',
        path: '/supervision/counts/items?term=2020-2025&committeeId=hg-tu&subject=resolutions',
      }),
      expected: PROVINCE_OVERVIEW,
    },
  ],

  // Field groups: read by the province (others read their own list), kept by its admins and its Standing Committee's office
  'GET /field-groups': [
    {
      what: "the caller's province list",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/field-groups?includeRetired=true', marker: fx.fieldGroupId }),
      expected: {
        ...PROVINCE_READS,
        provincial: [OK, NONE],
        staff: [OK, OK, NONE],
        head: [OK, OK, NONE],
        standing: [OK, OK, NONE],
        inspector: [OK, OK, NONE],
        advisory: [OK, OK, NONE],
      },
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
  // Last: it ends each caller's session, so nothing may come after it.
  'POST /auth/logout': [
    {
      what: "ending one's own session",
      kind: 'write',
      request: () => ({ method: 'post', path: '/auth/logout' }),
      expected: SIGNED_IN(OK),
    },
  ],
};

function newProgramme(memberInChargeId: string) {
  return {
    id: `authz-new-${randomUUID().slice(0, 8)}`,
    templateId: 'drill',
    title: 'Chương trình thực hiện Nghị quyết 18-NQ/TW',
    issuingUnitId: 'hg-tu',
    memberInChargeId,
    fieldGroup: 'party-building',
    term: '2025-2030',
  };
}

function newCycle(overrides: object) {
  const year = 2900 + Math.floor(Math.random() * 99);
  return {
    unitId: 'hg-tu',
    year,
    title: `Việc đột phá năm ${year}`,
    registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    ...overrides,
  };
}

interface Outcome {
  caller: string;
  expected: Answer;
  status: number;
  got: Answer | number;
  leak: boolean;
}

/** What the answer was, in the matrix's terms, and whether a mismatch gives something away. */
function judge(expected: Answer, status: number, body: string, marker?: string): Omit<Outcome, 'caller'> {
  const ok = status >= 200 && status < 300;
  const got: Answer | number = ok ? (marker !== undefined && !body.includes(marker) ? NONE : OK) : status;
  if (got === expected) return { expected, status, got, leak: false };
  const passedAuthorization = ok || status === 400 || status === 409;
  const leak =
    (expected === NONE && got === OK) ||
    ((expected === 401 || expected === 403 || expected === 404) && passedAuthorization) ||
    (expected === 404 && status === 403);
  return { expected, status, got, leak };
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

describe('authorization matrix (e2e)', () => {
  let stack: TestStack;
  let fx: AuthorizationFixtures;
  const tally = { requests: 0, leaks: 0, mismatches: 0 };

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await buildAuthorizationFixtures(stack);
    // Every caller signs in before any probe, so no probe (a failed login, say) can stand in their way.
    const usernames = [
      'admin',
      ...PROVINCIAL_ADMINS,
      ...ROLES.flatMap((role) => RELATIONS.flatMap((relation) => CALLERS[role][relation])),
    ];
    for (const username of usernames) await stack.login(username);
  }, 180_000);

  afterAll(async () => {
    console.log(
      `authorization matrix: ${tally.requests} requests, ${tally.mismatches} mismatches, ${tally.leaks} leaks`,
    );
    // This file's task workflows stop with its worker; later files share the database and must not
    // meet their open rows (a bulk reassignment would wait on workflows nobody runs any more).
    if (fx)
      await stack.dataSource.query(`DELETE FROM task WHERE programme_id = $1 OR workflow_id LIKE $2`, [
        fx.programmeId,
        `task/bt/${fx.cycle.unitId}/${fx.cycle.year}/%`,
      ]);
    await stack?.close();
  });

  it('has an entry for every route the app answers, and a route for every entry', () => {
    const routes = appRoutes(stack.api);
    const entries = Object.keys(ROUTES);
    expect({
      withoutEntry: routes.filter((r) => !entries.includes(r)),
      withoutRoute: entries.filter((e) => !routes.includes(e)),
    }).toEqual({
      withoutEntry: [],
      withoutRoute: [],
    });
  });

  async function send(req: Request, username: string | null): Promise<{ status: number; body: string }> {
    const call = stack.http()[req.method](req.path);
    if (username) call.set('Authorization', `Bearer ${await stack.login(username)}`);
    if (req.multipart) {
      for (const [name, value] of Object.entries(req.multipart.fields)) call.field(name, value);
      const { field, name, content } = req.multipart.file;
      call.attach(field, content, name);
    }
    const res = await (req.body === undefined ? call : call.send(req.body));
    return { status: res.status, body: res.text ?? '' };
  }

  for (const [route, entry] of Object.entries(ROUTES)) {
    if (!Array.isArray(entry)) continue;
    it(`${route}: ${entry.map((p) => `${p.kind} "${p.what}"`).join('; ')}`, async () => {
      const failures: string[] = [];
      for (const probe of entry) {
        const cells: Array<{ caller: string; username: string | null; expected: Answer }> = [
          { caller: 'anonymous', username: null, expected: probe.expected.anonymous },
          { caller: 'admin', username: 'admin', expected: probe.expected.admin },
          ...PROVINCIAL_ADMINS.map((username, i) => ({
            caller: `provincial admin/${i === 0 ? 'own' : 'other'} (${username})`,
            username,
            expected: probe.expected.provincial[i],
          })),
          ...ROLES.flatMap((role) =>
            RELATIONS.flatMap((relation, i) =>
              CALLERS[role][relation].map((username) => ({
                caller: `${role}/${relation} (${username})`,
                username,
                expected: probe.expected[role][i],
              })),
            ),
          ),
        ];
        const outcomes = await inBatches(cells, 6, async (cell): Promise<Outcome> => {
          const req = await probe.request(fx);
          const res = await send(req, cell.username);
          return { caller: cell.caller, ...judge(cell.expected, res.status, res.body, req.marker) };
        });
        for (const o of outcomes) {
          tally.requests += 1;
          if (o.got === o.expected) continue;
          tally.mismatches += 1;
          if (o.leak) tally.leaks += 1;
          failures.push(
            `${o.leak ? 'LEAK' : 'mismatch'}: ${probe.kind} "${probe.what}" as ${o.caller}: expected ${o.expected}, got ${o.got}`,
          );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
