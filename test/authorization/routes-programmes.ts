import { tinyPdf } from '../utils/sample-documents';
import {
  PROVINCE_LIST,
  Entry,
  OK,
  same,
  PUBLIC,
  PROVINCE_READS,
  PROVINCE_SUPERVISORS,
  ISSUANCE_PREPARERS,
  programme,
  action,
  newProgramme,
} from './matrix-expectations';

/** A programme's routes: its lifecycle, review reports, issuance and review forms, and documents. */
export const PROGRAMME_ROUTES: Record<string, Entry> = {
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
      expected: PROVINCE_LIST,
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
};
