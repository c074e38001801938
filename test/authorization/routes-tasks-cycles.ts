import { randomUUID } from 'node:crypto';
import {
  Entry,
  OK,
  NONE,
  same,
  PUBLIC,
  SIGNED_IN,
  PROVINCE_READS,
  TASK_T1_READS,
  programme,
  task,
  cycle,
  action,
  newCycle,
} from './matrix-expectations';

/** Tasks and breakthrough cycles. */
export const TASK_AND_CYCLE_ROUTES: Record<string, Entry> = {
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
};
