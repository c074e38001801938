import { randomUUID } from 'node:crypto';
import { AuthorizationFixtures } from '../utils/authorization-fixtures';

/**
 * What the authorization matrix (authorization-matrix.e2e-spec.ts) expects, and how its probes are built:
 * the callers, the answers, the expectation builders shared by its route files, and small request helpers.
 */

export type Answer = 'OK' | 'NONE' | 400 | 401 | 403 | 404 | 409;
export const OK = 'OK';
export const NONE = 'NONE';
export type Relation = 'own' | 'same' | 'other';
export const RELATIONS: readonly Relation[] = ['own', 'same', 'other'];
export type Role = 'staff' | 'head' | 'standing' | 'inspector' | 'advisory';
export const ROLES: readonly Role[] = ['staff', 'head', 'standing', 'inspector', 'advisory'];

export const CALLERS: Record<Role, Record<Relation, string[]>> = {
  staff: { own: ['vanthu.hg'], same: ['vanthu.vithanh'], other: ['vanthu.lc'] },
  head: { own: ['bithu.hg'], same: ['bithu.vithanh'], other: ['gd.snn.lc'] },
  standing: { own: ['tvbtv.hg'], same: ['pbt.vithanh'], other: ['bithu.lc', 'bithu.tuky'] },
  inspector: { own: ['ubkt.hg'], same: ['ubkt.vithanh'], other: ['ubkt.lc'] },
  advisory: { own: ['chuyenvien.hg'], same: ['chuyenvien.vithanh'], other: ['chuyenvien.lc'] },
};

/** Expected answers: per role, [own, same province, other province]; provincial admins [own province, other]. */
export type Expected = { anonymous: Answer; admin: Answer; provincial: [Answer, Answer] } & Record<
  Role,
  [Answer, Answer, Answer]
>;
export const PROVINCIAL_ADMINS = ['admin.hg', 'admin.lc'] as const;

export interface Request {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  /** A multipart/form-data body instead: text fields and one file. */
  multipart?: { fields: Record<string, string>; file: { field: string; name: string; content: Buffer } };
  /** What a NONE answer must not contain. */
  marker?: string;
}

export interface Probe {
  what: string;
  kind: 'read' | 'write';
  request: (fx: AuthorizationFixtures) => Request | Promise<Request>;
  expected: Expected;
}

/** Each route's probes; a route that is middleware or a mount with nothing to ask has a reason instead. */
export type Entry = Probe[] | { notAnEndpoint: string };

export const same = (a: Answer): [Answer, Answer, Answer] => [a, a, a];
/** Everyone, signed in or not, gets `a`. */
export const PUBLIC = (a: Answer): Expected => ({
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
export const SIGNED_IN = (a: Answer): Expected => ({ ...PUBLIC(a), anonymous: 401 });
/** Only the system administrator, who gets `a`. */
export const ADMIN_ONLY = (a: Answer): Expected => ({ ...PUBLIC(403), anonymous: 401, admin: a });
/** Administrators: the system one, and the provincial ones for their own province (`own`) and another (`other`). */
export const ADMINS = (own: Answer, other: Answer = 403, system: Answer = own): Expected => ({
  ...PUBLIC(403),
  anonymous: 401,
  admin: system,
  provincial: [own, other],
});
/** Readable by the province and the units below it; 404 elsewhere. */
export const PROVINCE_READS: Expected = {
  anonymous: 401,
  admin: OK,
  provincial: [OK, 404],
  staff: [OK, OK, 404],
  head: [OK, OK, 404],
  standing: [OK, OK, 404],
  inspector: [OK, OK, 404],
  advisory: [OK, OK, 404],
};
/** A list the province reads: the object in it for its own and same-province readers, absent (NONE) elsewhere. */
export const PROVINCE_LIST: Expected = {
  ...PROVINCE_READS,
  provincial: [OK, NONE],
  staff: [OK, OK, NONE],
  head: [OK, OK, NONE],
  standing: [OK, OK, NONE],
  inspector: [OK, OK, NONE],
  advisory: [OK, OK, NONE],
};
/** Supervision of the province (reports, timeline, lineage): its supervisors; 404 for everyone else. */
export const PROVINCE_SUPERVISORS: Expected = {
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
export const PROVINCE_OVERVIEW: Expected = {
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
export const TASK_T1_READS: Expected = PROVINCE_SUPERVISORS;

/** Registering an entry of the province: its committee's leaders and admins; 400 from another province. */
export const REGISTRY_CREATE: Expected = {
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
export const REGISTRY_CHANGE: Expected = {
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
export const ISSUANCE_PREPARERS = (a: Answer): Expected => ({
  anonymous: 401,
  admin: 403,
  provincial: [403, 404],
  staff: [403, 403, 404],
  head: [a, 403, 404],
  standing: [a, 403, 404],
  inspector: [403, 403, 404],
  advisory: [a, 403, 404],
});

export const programme = (fx: AuthorizationFixtures) => fx.programmeId;
export const task = (id: string) => `/tasks/${encodeURIComponent(id)}`;
export const cycle = (fx: AuthorizationFixtures) => `/breakthrough/cycles/${fx.cycle.unitId}/${fx.cycle.year}`;
export const action = (payload: object) => ({ requestId: randomUUID(), payload });

/** The audit rows of programmes chuyenvien.hg created: the fixtures' programme among them. */
export const AUDIT_OF_CREATION = '/admin/audit?act=programme.create&person=hg-cv1&limit=200';

/** A group of the province's list: its admins and its Standing Committee's office get `a`; another province's people 404. */
export const FIELD_GROUP_KEEPERS = (a: Answer): Expected => ({
  anonymous: 401,
  admin: a,
  provincial: [a, 404],
  staff: [403, 403, 404],
  head: [403, 403, 404],
  standing: [403, 403, 404],
  inspector: [403, 403, 404],
  advisory: [a, 403, 404],
});

export function newProgramme(memberInChargeId: string) {
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

export function newCycle(overrides: object) {
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
